import Dockerode from 'dockerode';
import { getConfig, type BerthConfig } from '../config';
import { EngineUnavailableError, type EngineAttempt } from '../errors';
import { createLogger } from '../logger';
import { discoverEndpoints } from './discovery';
import { hostOfEndpoint, isLocalEndpoint, toModemOptions, type EngineEndpoint } from './endpoint';
import { engineMessageOf } from './engine-error';
import { negotiateApiVersion, type VersionResponse } from './api-version';

const log = createLogger('berth:engine');

/** What berth learned about the engine it talks to. */
export interface EngineInfo {
  /** Engine version, e.g. `20.10.24`. */
  serverVersion: string;
  /** The API version berth negotiated and uses for every request, e.g. `1.41`. */
  apiVersion: string;
  /** The oldest API version the engine accepts. */
  minApiVersion: string;
  /** `linux` or `windows`. */
  os: string;
  /** CPU architecture, e.g. `amd64`. */
  arch: string;
  /** Whether the engine is Podman's Docker-compatible API. */
  isPodman: boolean;
}

/**
 * A connection to one Docker engine, discovered once per process. The only holder of the
 * Engine API client; other `src/engine/` modules use {@link Engine.api}.
 */
export class Engine {
  private constructor(
    /** @internal The Engine API client. Only `src/engine/` may use it. */
    readonly api: Dockerode,
    /** Where the engine was found. */
    readonly endpoint: EngineEndpoint,
    /** Engine version facts. */
    readonly info: EngineInfo,
    /** Host name to reach published ports (`getHost()`). */
    readonly host: string,
    /** Whether the engine runs on this machine: ports are then published on 127.0.0.1 only. */
    readonly isLocal: boolean,
  ) {}

  /** @internal Connects to a probed endpoint. */
  static create(endpoint: EngineEndpoint, version: VersionResponse, config: BerthConfig): Engine {
    const apiVersion = negotiateApiVersion(version);
    const api = new Dockerode({ ...toModemOptions(endpoint), version: `v${apiVersion}` } as Dockerode.DockerOptions);
    const info: EngineInfo = {
      serverVersion: version.Version ?? 'unknown',
      apiVersion,
      minApiVersion: version.MinAPIVersion ?? apiVersion,
      os: version.Os ?? 'linux',
      arch: version.Arch ?? 'unknown',
      isPodman: (version.Components ?? []).some((c) => /podman/i.test(c.Name ?? '')),
    };
    const host = config.hostOverride ?? hostOfEndpoint(endpoint);
    log.info(
      `Using ${info.isPodman ? 'Podman' : 'Docker'} ${info.serverVersion} (API ${apiVersion}) at ${endpoint.url} from ${endpoint.source}`,
    );
    return new Engine(api, endpoint, info, host, isLocalEndpoint(endpoint));
  }
}

async function probe(endpoint: EngineEndpoint, timeoutMs: number): Promise<VersionResponse> {
  const client = new Dockerode({ ...toModemOptions(endpoint), timeout: timeoutMs } as Dockerode.DockerOptions);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    return (await Promise.race([client.version(), timeout])) as VersionResponse;
  } finally {
    clearTimeout(timer);
  }
}

function describeProbeFailure(error: unknown): string {
  const e = error as { code?: string; address?: string; port?: number };
  const message = engineMessageOf(error);
  if (e?.code === 'ECONNREFUSED') return `connection refused: ${message}`;
  if (e?.code === 'ENOENT') return `socket does not exist: ${message}`;
  if (e?.code === 'EACCES') return `permission denied: ${message} (add your user to the docker group or use rootless Docker)`;
  return message;
}

/**
 * Finds an engine: probes every discovered candidate at once (bounded by the engine timeout,
 * 5 s by default) and takes the first in discovery order that answers `/version`.
 */
export async function connectEngine(config: BerthConfig = getConfig()): Promise<Engine> {
  const { candidates, skipped } = discoverEndpoints(config);
  const attempts: EngineAttempt[] = [...skipped];
  const results = await Promise.all(
    candidates.map(async (endpoint) => {
      try {
        toModemOptions(endpoint);
        return { endpoint, version: await probe(endpoint, config.engineTimeoutMs) };
      } catch (error) {
        log.debug(`Engine candidate ${endpoint.url} (${endpoint.source}) failed: ${engineMessageOf(error)}`);
        return { endpoint, error };
      }
    }),
  );
  for (const result of results) {
    if ('version' in result && result.version) return Engine.create(result.endpoint, result.version, config);
  }
  for (const result of results) {
    if ('error' in result) {
      attempts.push({ source: result.endpoint.source, address: result.endpoint.url, reason: describeProbeFailure(result.error) });
    }
  }
  // Put configured candidates first so the message leads with what the user set.
  attempts.sort((a, b) => Number(b.reason !== 'no such socket') - Number(a.reason !== 'no such socket'));
  throw new EngineUnavailableError(attempts);
}

let current: Promise<Engine> | undefined;

/** The process's engine, discovered on first use and shared by every berth call. A failed discovery is retried next time. */
export function getEngine(): Promise<Engine> {
  if (!current) {
    current = connectEngine();
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

/** Forgets the discovered engine (for tests that change the configuration). */
export function resetEngine(): void {
  current = undefined;
}
