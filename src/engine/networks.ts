import type { Engine } from './engine';
import { statusCodeOf, toEngineError } from './engine-error';

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
  try {
    const network = await engine.api.createNetwork({
      Name: spec.name,
      CheckDuplicate: true,
      Driver: 'bridge',
      Internal: spec.internal,
      Attachable: false,
      EnableIPv6: false,
      Labels: spec.labels,
    });
    return network.id;
  } catch (error) {
    throw toEngineError(`Create network ${spec.name}`, error);
  }
}

/** Inspects a network; resolves `undefined` when it does not exist. */
export async function inspectNetwork(engine: Engine, idOrName: string): Promise<EngineNetworkInspect | undefined> {
  try {
    const inspect: EngineNetworkInspect = await engine.api.getNetwork(idOrName).inspect();
    return inspect;
  } catch (error) {
    if (statusCodeOf(error) === 404) return undefined;
    throw toEngineError(`Inspect network ${idOrName}`, error);
  }
}

/** Removes a network. A network that is already gone counts as removed. */
export async function removeNetwork(engine: Engine, id: string): Promise<void> {
  try {
    await engine.api.getNetwork(id).remove();
  } catch (error) {
    if (statusCodeOf(error) === 404) return;
    throw toEngineError(`Remove network ${id}`, error);
  }
}

/** Connects a container (running or not) to a network, with optional DNS aliases on it. */
export async function connectContainerToNetwork(
  engine: Engine,
  network: string,
  containerId: string,
  aliases: readonly string[] = [],
): Promise<void> {
  try {
    await engine.api.getNetwork(network).connect({
      Container: containerId,
      EndpointConfig: aliases.length ? { Aliases: [...aliases] } : {},
    });
  } catch (error) {
    throw toEngineError(`Connect container ${containerId.slice(0, 12)} to network ${network}`, error);
  }
}

/** Disconnects a container from a network (forcibly, so it also works for a stopped container). */
export async function disconnectContainerFromNetwork(engine: Engine, network: string, containerId: string): Promise<void> {
  try {
    await engine.api.getNetwork(network).disconnect({ Container: containerId, Force: true });
  } catch (error) {
    throw toEngineError(`Disconnect container ${containerId.slice(0, 12)} from network ${network}`, error);
  }
}
