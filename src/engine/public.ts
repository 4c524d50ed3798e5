import { getEngine, type EngineInfo } from './engine';

/** Connects to the engine (discovering it on first use) and returns what berth knows about it. */
export async function getEngineInfo(): Promise<EngineInfo & { host: string; endpoint: string; source: string }> {
  const engine = await getEngine();
  return { ...engine.info, host: engine.host, endpoint: engine.endpoint.url, source: engine.endpoint.source };
}
