import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { findKnownHostKeys, isTrustedHostKey } from './known-hosts';

/** How berth authenticates to an `ssh://` engine. */
export interface SshAccess {
  /** The ssh-agent socket (`SSH_AUTH_SOCK`), tried first. */
  agentSocket?: string;
  /** Folder searched for an unencrypted private key (`~/.ssh`). */
  keyDir: string;
}

/** Key files tried in `~/.ssh`, in order (the OpenSSH client's defaults). */
export const SSH_KEY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

/** Whether a private key file is passphrase-protected (berth cannot ask for the passphrase). */
export function isEncryptedKey(text: string): boolean {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/.test(text)) return true;
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text)?.[1];
  if (body === undefined) return false;
  // openssh-key-v1\0, then a uint32 length and the cipher name ("none" when unencrypted).
  const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0'.length;
  if (raw.length < magic + 4) return false;
  const len = raw.readUInt32BE(magic);
  return raw.subarray(magic + 4, magic + 4 + len).toString() !== 'none';
}

/** The first unencrypted default key in `keyDir`, if any. */
export function findPrivateKey(keyDir: string): { file: string; key: Buffer } | undefined {
  for (const name of SSH_KEY_FILES) {
    const file = path.join(keyDir, name);
    if (!existsSync(file)) continue;
    let key: Buffer;
    try {
      key = readFileSync(file);
    } catch {
      continue;
    }
    if (!isEncryptedKey(key.toString('utf8'))) return { file, key };
  }
  return undefined;
}

/**
 * Options for the SSH client (ssh2) behind an `ssh://` engine at `host:port`: the agent when
 * `SSH_AUTH_SOCK` is set, plus the first unencrypted key of `~/.ssh`, and a host key check against
 * `~/.ssh/known_hosts` (an unknown or changed host key fails, as with `ssh -o BatchMode=yes`).
 * `timeoutMs` bounds the SSH handshake.
 */
export function sshClientOptions(
  access: SshAccess | undefined,
  target: { host: string; port: number },
  timeoutMs?: number,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (timeoutMs !== undefined) options['readyTimeout'] = timeoutMs;
  if (!access) return options;
  if (access.agentSocket) options['agent'] = access.agentSocket;
  const found = findPrivateKey(access.keyDir);
  if (found) options['privateKey'] = found.key;
  let knownHosts = '';
  try {
    knownHosts = readFileSync(path.join(access.keyDir, 'known_hosts'), 'utf8');
  } catch {
    // No known_hosts: every host is unknown.
  }
  const known = findKnownHostKeys(knownHosts, target.host, target.port);
  options['hostVerifier'] = (key: Buffer): boolean => isTrustedHostKey(known, key);
  return options;
}

/** The local user name, the SSH user when the URL names none (as for the `ssh` command). */
export function localUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
