import { existsSync } from 'node:fs';
import Dockerode from 'dockerode';
import { getConfig, type BerthConfig } from '../config';
import { EngineUnavailableError, type EngineAttempt } from '../errors';
import { createLogger } from '../logger';
import { discoverEndpoints } from './discovery';
import { displayUrl, hostOfEndpoint, isLocalEndpoint, toModemOptions, type EngineEndpoint } from './endpoint';
import { negotiateApiVersion, isPodmanVersion, type VersionResponse } from './api-version';
import type { EngineInfo } from './engine-info';
import { describeProbeFailure, probe } from './probe';

const log = createLogger('berth:engine');

export type { EngineInfo } from './engine-info';

/**
 * A connection to one Docker engine, discovered once per process. The only holder of the
 * Engine API client; other `src/engine/` modules use {@link Engine.api}.
 */
export class Engine {
  /**
   * @internal The Engine API client (dockerode). Only `src/engine/` may use it; it is stripped from
   * the published declarations so that consumers never need dockerode's types.
   */
  readonly api: Dockerode;
  /** Where the engine was found. */
  readonly endpoint: EngineEndpoint;
  /** Engine version facts. */
  readonly info: EngineInfo;
  /** Host name to reach published ports (`getHost()`): `TESTCONTAINERS_HOST_OVERRIDE`, the TCP/SSH host, else `localhost`. */
  readonly host: string;
  /** Whether the engine runs on this machine: ports are then published on 127.0.0.1 only. */
  readonly isLocal: boolean;

  private constructor(api: Dockerode, endpoint: EngineEndpoint, info: EngineInfo, host: string, isLocal: boolean) {
    this.api = api;
    this.endpoint = endpoint;
    this.info = info;
    this.host = host;
    this.isLocal = isLocal;
  }

  /** @internal Connects to a probed endpoint. */
  static create(endpoint: EngineEndpoint, version: VersionResponse, config: BerthConfig): Engine {
    const apiVersion = negotiateApiVersion(version);
    const api = new Dockerode({ ...toModemOptions(endpoint), version: `v${apiVersion}` });
    const info: EngineInfo = {
      serverVersion: version.Version ?? 'unknown',
      apiVersion,
      minApiVersion: version.MinAPIVersion ?? apiVersion,
      os: version.Os ?? 'linux',
      arch: version.Arch ?? 'unknown',
      isPodman: isPodmanVersion(version),
    };
    const host = config.hostOverride ?? hostOfEndpoint(endpoint);
    log.info(
      `Using ${info.isPodman ? 'Podman' : 'Docker'} ${info.serverVersion} (API ${apiVersion}) at ${displayUrl(endpoint.url)} from ${endpoint.source}`,
    );
    return new Engine(api, endpoint, info, host, isLocalEndpoint(endpoint));
  }
}

type ProbeOutcome = { endpoint: EngineEndpoint; version: VersionResponse } | { endpoint: EngineEndpoint; error: unknown };

async function settle(endpoint: EngineEndpoint, timeoutMs: number, stop: AbortSignal): Promise<ProbeOutcome> {
  try {
    return { endpoint, version: await probe(endpoint, timeoutMs, stop) };
  } catch (error) {
    log.debug(`Engine candidate ${displayUrl(endpoint.url)} (${endpoint.source}) failed: ${describeProbeFailure(error)}`);
    return { endpoint, error };
  }
}

/**
 * Finds an engine: probes every discovered candidate at once, each bounded by the engine timeout
 * (4 s by default), and takes the first in discovery order that answers `/version`. When none
 * answers, throws {@link EngineUnavailableError} listing every place tried and why it failed.
 */
export async function connectEngine(
  config: BerthConfig = getConfig(),
  fileExists: (path: string) => boolean = existsSync,
): Promise<Engine> {
  const { candidates, skipped } = discoverEndpoints(config, fileExists);
  const stop = new AbortController();
  const probes = candidates.map((endpoint) => settle(endpoint, config.engineTimeoutMs, stop.signal));
  const failures: Array<{ endpoint: EngineEndpoint; error: unknown }> = [];
  try {
    for (const pending of probes) {
      const outcome = await pending;
      if ('version' in outcome) return Engine.create(outcome.endpoint, outcome.version, config);
      failures.push(outcome);
    }
  } finally {
    stop.abort();
  }
  const attempts: EngineAttempt[] = [
    ...failures.map(({ endpoint, error }) => ({
      source: endpoint.source,
      address: displayUrl(endpoint.url),
      reason: describeProbeFailure(error),
    })),
    ...skipped,
  ];
  throw new EngineUnavailableError(attempts, failures[0] ? { cause: failures[0].error } : {});
}

let current: Promise<Engine> | undefined;

/** The process's engine, discovered on first use and shared by every berth call. A failed discovery is retried next time. */
export function getEngine(): Promise<Engine> {
  if (!current) {
    const connecting = connectEngine();
    current = connecting;
    connecting.catch(() => {
      // Only forget this attempt: after resetEngine() a newer one may be pending, and it is shared.
      if (current === connecting) current = undefined;
    });
  }
  return current;
}

/** Forgets the discovered engine (for tests that change the configuration). */
export function resetEngine(): void {
  current = undefined;
}
