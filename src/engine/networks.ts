import type { Engine } from './engine';
import { engineCall, engineCallUnless } from './engine-error';

/** What berth asks for when it creates a network. */
export interface EngineNetworkCreate {
  name: string;
  internal: boolean;
  labels: Record<string, string>;
}

/** The fields of `GET /networks/{id}` berth uses. */
export interface EngineNetworkInspect {
  Id: string;
  Name: string;
  Internal?: boolean;
  Labels?: Record<string, string> | null;
  Containers?: Record<string, { Name: string; IPv4Address?: string }> | null;
}

/**
 * Creates a bridge network (`POST /networks/create`, `CheckDuplicate`). Resolves its id; a
 * taken name rejects with the engine's 409 as {@link EngineRequestError} (callers map it).
 */
export async function createNetwork(engine: Engine, spec: EngineNetworkCreate): Promise<string> {
  const network = await engineCall(`Create network ${spec.name}`, () =>
    engine.api.createNetwork({
      Name: spec.name,
      CheckDuplicate: true,
      Driver: 'bridge',
      Internal: spec.internal,
      Attachable: false,
      EnableIPv6: false,
      Labels: spec.labels,
    }),
  );
  return network.id;
}

/** Inspects a network; resolves `undefined` when it does not exist. */
export async function inspectNetwork(engine: Engine, idOrName: string): Promise<EngineNetworkInspect | undefined> {
  return engineCallUnless(`Inspect network ${idOrName}`, [404], async (): Promise<EngineNetworkInspect> => engine.api.getNetwork(idOrName).inspect());
}

/** Removes a network. A network that is already gone counts as removed. */
export async function removeNetwork(engine: Engine, id: string): Promise<void> {
  await engineCallUnless(`Remove network ${id}`, [404], () => engine.api.getNetwork(id).remove());
}
