import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How to reach one engine: where the address came from and what dockerode needs to connect. */
export interface EngineEndpoint {
  /** Where this candidate came from, e.g. `DOCKER_HOST` or `/var/run/docker.sock`. */
  source: string;
  /** The engine URL, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.2:2376`, `ssh://user@host`. */
  url: string;
  /** Whether the user named this endpoint explicitly (then berth never falls back to another one). */
  explicit: boolean;
  /** TLS material for `tcp://` with verification. */
  tls?: { certPath: string };
}

/** The connection options handed to the Engine API client (a subset of docker-modem's). */
export interface ModemOptions {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: 'http' | 'https' | 'ssh';
  username?: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  sshOptions?: Record<string, unknown>;
}

/** Maps an endpoint to client options. Throws a plain Error with the reason when the URL is unusable. */
export function toModemOptions(endpoint: EngineEndpoint): ModemOptions {
  const url = endpoint.url;
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) return { socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a valid engine URL (expected unix://, tcp://, http(s)://, ssh:// or npipe://)`);
  }
  switch (parsed.protocol) {
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const tls = parsed.protocol === 'https:' || endpoint.tls !== undefined;
      const options: ModemOptions = {
        host: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: parsed.port || (tls ? 2376 : 2375),
        protocol: tls ? 'https' : 'http',
      };
      if (endpoint.tls) {
        const dir = endpoint.tls.certPath;
        options.ca = readFileSync(path.join(dir, 'ca.pem'));
        options.cert = readFileSync(path.join(dir, 'cert.pem'));
        options.key = readFileSync(path.join(dir, 'key.pem'));
      }
      return options;
    }
    case 'ssh:':
      return {
        host: parsed.hostname,
        port: parsed.port || 22,
        protocol: 'ssh',
        username: decodeURIComponent(parsed.username) || undefined,
        sshOptions: process.env['SSH_AUTH_SOCK'] ? { agent: process.env['SSH_AUTH_SOCK'] } : {},
      };
    default:
      throw new Error(`unsupported engine URL scheme "${parsed.protocol}"`);
  }
}

/** Whether an endpoint's engine runs on this machine (then ports are published on 127.0.0.1). */
export function isLocalEndpoint(endpoint: EngineEndpoint): boolean {
  if (endpoint.url.startsWith('unix://') || endpoint.url.startsWith('npipe://')) return true;
  try {
    const host = new URL(endpoint.url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || host.startsWith('127.');
  } catch {
    return false;
  }
}

/** The host name tests use to reach published ports: the TCP/SSH host, else `localhost`. */
export function hostOfEndpoint(endpoint: EngineEndpoint): string {
  if (endpoint.url.startsWith('unix://') || endpoint.url.startsWith('npipe://')) return 'localhost';
  try {
    return new URL(endpoint.url).hostname.replace(/^\[|\]$/g, '') || 'localhost';
  } catch {
    return 'localhost';
  }
}
