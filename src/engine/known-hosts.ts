import { createHmac } from 'node:crypto';

/** The host keys `~/.ssh/known_hosts` lists for one host and port. */
export interface KnownHostKeys {
  /** Key blobs (the base64-decoded key field) accepted for the host. */
  accepted: Buffer[];
  /** Key blobs marked `@revoked`. */
  revoked: Buffer[];
}

/** The name OpenSSH looks up: `host` on port 22, else `[host]:port`. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function wildcard(pattern: string, name: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

function hashedMatch(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

/** Whether a known_hosts host field (`a,b,!c`, `|1|salt|hash`, wildcards) names `name`. */
export function hostFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|')) return hashedMatch(field, name);
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcard(pattern.slice(1), name)) return false;
    } else if (wildcard(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * Reads the keys a `known_hosts` text lists for `host:port`. `@cert-authority` lines are ignored
 * (berth does not check host certificates); `@revoked` keys are returned apart.
 */
export function findKnownHostKeys(text: string, host: string, port: number): KnownHostKeys {
  const name = knownHostName(host, port);
  const found: KnownHostKeys = { accepted: [], revoked: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    const [hosts, , key] = fields;
    if (!hosts || !key || marker === '@cert-authority' || !hostFieldMatches(hosts, name)) continue;
    (marker === '@revoked' ? found.revoked : found.accepted).push(Buffer.from(key, 'base64'));
  }
  return found;
}

/** Whether a server's host key is trusted: listed for the host and not revoked (unknown hosts are not). */
export function isTrustedHostKey(known: KnownHostKeys, key: Buffer): boolean {
  if (known.revoked.some((k) => k.equals(key))) return false;
  return known.accepted.some((k) => k.equals(key));
}
