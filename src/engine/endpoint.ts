import type { Agent } from 'node:http';
import { localUserName, sshClientOptions, type SshAccess } from './ssh';
import { readTlsMaterial, tlsAgent, type TlsAccess } from './tls';

/** How to reach one engine: where the address came from and what the client needs to connect. */
export interface EngineEndpoint {
  /** Where this candidate came from, e.g. `DOCKER_HOST` or `default socket`. */
  source: string;
  /** The engine URL, e.g. `unix:///var/run/docker.sock`, `tcp://10.0.0.2:2376`, `ssh://user@host`. */
  url: string;
  /** Whether the user configured this endpoint (then berth never falls back to another one). */
  explicit: boolean;
  /** TLS material for `tcp://` (from `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`, a context, or the properties file). */
  tls?: TlsAccess;
  /** Credentials for `ssh://` (agent socket, key folder). */
  ssh?: SshAccess;
}

/**
 * The connection options handed to the Engine API client (docker-modem's). Every key is always
 * present, even when `undefined`: docker-modem merges its own reading of `DOCKER_HOST`,
 * `DOCKER_CERT_PATH`, `DOCKER_CLIENT_TIMEOUT`, ... under these, and berth's discovery must win.
 */
export interface ModemOptions {
  socketPath: string | undefined;
  host: string | undefined;
  port: number | undefined;
  protocol: 'http' | 'https' | 'ssh';
  username: string | undefined;
  password: string | undefined;
  ca: Buffer | undefined;
  cert: Buffer | undefined;
  key: Buffer | undefined;
  agent: Agent | undefined;
  pathPrefix: string;
  timeout: number | undefined;
  sshOptions: Record<string, unknown>;
}

const SCHEMES = 'unix://, tcp://, http://, https://, ssh:// or npipe://';

function base(): ModemOptions {
  return {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: 'http',
    username: undefined,
    password: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    agent: undefined,
    pathPrefix: '/',
    timeout: undefined,
    sshOptions: {},
  };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`not a valid engine URL (expected ${SCHEMES})`);
  }
}

function bareHost(parsed: URL): string {
  return parsed.hostname.replace(/^\[|\]$/g, '');
}

/**
 * Maps an endpoint to client options, reading TLS files and SSH keys.
 * `timeoutMs` bounds handshakes (the discovery probe passes its deadline).
 * Throws a plain Error with the reason when the URL or its credentials are unusable.
 */
export function toModemOptions(endpoint: EngineEndpoint, timeoutMs?: number): ModemOptions {
  const url = endpoint.url;
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    if (!socketPath) throw new Error('unix:// URL without a socket path');
    return { ...base(), socketPath };
  }
  if (url.startsWith('npipe://')) return { ...base(), socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };
  const parsed = parseUrl(url);
  if (!parsed.hostname) throw new Error(`engine URL has no host (expected ${SCHEMES})`);
  switch (parsed.protocol) {
    case 'tcp:':
    case 'http:':
    case 'https:': {
      if (parsed.protocol === 'http:' && endpoint.tls) throw new Error('http:// URL with TLS verification on (use tcp:// or https://)');
      const tls = parsed.protocol === 'https:' || endpoint.tls !== undefined;
      const options: ModemOptions = {
        ...base(),
        host: bareHost(parsed),
        port: parsed.port ? Number(parsed.port) : tls ? 2376 : 2375,
        protocol: tls ? 'https' : 'http',
      };
      if (endpoint.tls) {
        const material = readTlsMaterial(endpoint.tls);
        Object.assign(options, material);
        if (endpoint.tls.skipVerify) options.agent = tlsAgent(material);
      }
      return options;
    }
    case 'ssh:': {
      const host = bareHost(parsed);
      const port = parsed.port ? Number(parsed.port) : 22;
      return {
        ...base(),
        host,
        port,
        protocol: 'ssh',
        username: decodeURIComponent(parsed.username) || localUserName(),
        password: decodeURIComponent(parsed.password) || undefined,
        sshOptions: sshClientOptions(endpoint.ssh, { host, port }, timeoutMs),
      };
    }
    default:
      throw new Error(`unsupported engine URL scheme "${parsed.protocol}" (expected ${SCHEMES})`);
  }
}

/** Whether an endpoint's engine runs on this machine (then ports are published on 127.0.0.1). */
export function isLocalEndpoint(endpoint: EngineEndpoint): boolean {
  if (endpoint.url.startsWith('unix://') || endpoint.url.startsWith('npipe://')) return true;
  try {
    const host = bareHost(new URL(endpoint.url));
    return host === 'localhost' || host === '::1' || host.startsWith('127.');
  } catch {
    return false;
  }
}

/** The host name that reaches the engine's published ports: the TCP/SSH URL's host, else `localhost`. */
export function hostOfEndpoint(endpoint: EngineEndpoint): string {
  if (endpoint.url.startsWith('unix://') || endpoint.url.startsWith('npipe://')) return 'localhost';
  try {
    return bareHost(new URL(endpoint.url)) || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** The endpoint's URL with any password masked (for messages and logs), whatever the scheme. */
export function displayUrl(url: string): string {
  // The user info ends at the authority's LAST `@`: a raw `@` in the password must not leave its tail visible.
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^/]*@/i, '$1:***@');
}
