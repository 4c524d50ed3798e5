import { getEngine } from './engine';
import { displayUrl } from './endpoint';
import type { EngineInfo } from './engine-info';

/** {@link EngineInfo} plus where berth found the engine and how tests reach it. */
export interface ConnectedEngineInfo extends EngineInfo {
  /** Host name that reaches published ports: `TESTCONTAINERS_HOST_OVERRIDE`, the TCP/SSH host, else `localhost`. */
  host: string;
  /** The engine URL, e.g. `unix:///var/run/docker.sock` (an SSH password is masked). */
  endpoint: string;
  /** Where the URL came from, e.g. `DOCKER_HOST`, `DOCKER_CONTEXT`, `default socket`. */
  source: string;
  /** Whether the engine runs on this machine (ports are then published on 127.0.0.1 only). */
  isLocal: boolean;
}

/**
 * Connects to the engine (discovering it on first use, see docs/engine.md) and returns what berth
 * knows about it. Rejects with `EngineUnavailableError` when no engine answers.
 */
export async function getEngineInfo(): Promise<ConnectedEngineInfo> {
  const engine = await getEngine();
  return {
    ...engine.info,
    host: engine.host,
    endpoint: displayUrl(engine.endpoint.url),
    source: engine.endpoint.source,
    isLocal: engine.isLocal,
  };
}
