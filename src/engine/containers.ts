import type { Engine } from './engine';
import { engineCall, engineCallUnless, engineMessageOf, statusCodeOf, toEngineError } from './engine-error';
import type {
  EngineChange,
  EngineContainerInspect,
  EngineContainerSummary,
  EngineCreateRequest,
} from './container-types';

/** Creates a container; resolves its id. */
export async function createContainer(engine: Engine, request: EngineCreateRequest): Promise<string> {
  const options: Record<string, unknown> = { ...request.body };
  if (request.name) options['name'] = request.name;
  if (request.platform) options['platform'] = request.platform;
  const container = await engineCall(`Create container from ${request.body.Image}`, () =>
    engine.api.createContainer(options as never),
  );
  return container.id;
}

/** Starts a created or stopped container. */
export async function startContainer(engine: Engine, id: string): Promise<void> {
  // 304: already started.
  await engineCallUnless(`Start container ${id.slice(0, 12)}`, [304], () => engine.api.getContainer(id).start());
}

/** Inspects a container. */
export async function inspectContainer(engine: Engine, id: string): Promise<EngineContainerInspect> {
  return engineCall(`Inspect container ${id.slice(0, 12)}`, async () =>
    (await engine.api.getContainer(id).inspect()) as unknown as EngineContainerInspect,
  );
}

/** Inspects a container; resolves `undefined` when it does not exist (any more). */
export async function tryInspectContainer(engine: Engine, id: string): Promise<EngineContainerInspect | undefined> {
  return engineCallUnless(`Inspect container ${id.slice(0, 12)}`, [404], async () =>
    (await engine.api.getContainer(id).inspect()) as unknown as EngineContainerInspect,
  );
}

/** Stops a container, waiting `timeoutSeconds` before SIGKILL. Already stopped (304) or gone (404) is fine. */
export async function stopContainer(engine: Engine, id: string, timeoutSeconds: number): Promise<void> {
  await engineCallUnless(`Stop container ${id.slice(0, 12)}`, [304, 404], () => engine.api.getContainer(id).stop({ t: timeoutSeconds }));
}

/** Removes a container (forced), with its anonymous volumes when `removeVolumes`. Already gone is fine. */
export async function removeContainer(engine: Engine, id: string, removeVolumes = true): Promise<void> {
  try {
    await engine.api.getContainer(id).remove({ force: true, v: removeVolumes });
  } catch (error) {
    const code = statusCodeOf(error);
    if (code === 404) return;
    // 409 "removal ... is already in progress": the engine is removing it already; that counts as removed.
    if (code === 409 && /already in progress/i.test(engineMessageOf(error))) return;
    throw toEngineError(`Remove container ${id.slice(0, 12)}`, error);
  }
}

/** Restarts a container, waiting `timeoutSeconds` before SIGKILL. */
export async function restartContainer(engine: Engine, id: string, timeoutSeconds: number): Promise<void> {
  await engineCall(`Restart container ${id.slice(0, 12)}`, () => engine.api.getContainer(id).restart({ t: timeoutSeconds }));
}

/** Pauses (freezes) every process of a container. */
export async function pauseContainer(engine: Engine, id: string): Promise<void> {
  await engineCall(`Pause container ${id.slice(0, 12)}`, () => engine.api.getContainer(id).pause());
}

/** Resumes a paused container. */
export async function unpauseContainer(engine: Engine, id: string): Promise<void> {
  await engineCall(`Unpause container ${id.slice(0, 12)}`, () => engine.api.getContainer(id).unpause());
}

/** The changes of a container's writable layer. */
export async function containerChanges(engine: Engine, id: string): Promise<EngineChange[]> {
  const changes = await engineCall(
    `Diff container ${id.slice(0, 12)}`,
    () => engine.api.getContainer(id).changes() as Promise<unknown>,
  );
  // An empty layer comes back as `null`, which the client may hand over as a raw buffer.
  return Array.isArray(changes) ? (changes as EngineChange[]) : [];
}

/** What `POST /commit` takes. */
export interface EngineCommitOptions {
  repo: string;
  tag: string;
  comment?: string;
  author?: string;
  pause?: boolean;
  changes?: string[];
}

/** Commits a container to an image; resolves the image id. */
export async function commitContainer(engine: Engine, id: string, options: EngineCommitOptions): Promise<string> {
  const result = (await engineCall(`Commit container ${id.slice(0, 12)} to ${options.repo}:${options.tag}`, () =>
    engine.api.getContainer(id).commit({ ...options } as never) as unknown as Promise<unknown>,
  )) as { Id?: string; id?: string };
  return result.Id ?? result.id ?? '';
}

/** Lists containers whose id is one of `ids` (all states when `all`). */
export async function listContainersById(
  engine: Engine,
  ids: readonly string[],
  all: boolean,
): Promise<EngineContainerSummary[]> {
  if (ids.length === 0) return [];
  return engineCall('List containers', async () =>
    (await engine.api.listContainers({ all, filters: { id: [...ids] } })) as unknown as EngineContainerSummary[],
  );
}

/** Lists containers carrying every given label (`key=value` or `key`), in all states. */
export async function listContainersByLabel(engine: Engine, labels: readonly string[]): Promise<EngineContainerSummary[]> {
  return engineCall('List containers', async () =>
    (await engine.api.listContainers({ all: true, filters: { label: [...labels] } })) as unknown as EngineContainerSummary[],
  );
}

/** Connects a container to a network, optionally with aliases. */
export async function connectContainerToNetwork(
  engine: Engine,
  id: string,
  network: string,
  aliases: readonly string[] = [],
): Promise<void> {
  await engineCall(`Connect container ${id.slice(0, 12)} to network ${network}`, () =>
    engine.api.getNetwork(network).connect({
      Container: id,
      ...(aliases.length ? { EndpointConfig: { Aliases: [...aliases] } } : {}),
    }),
  );
}

/** Disconnects a container from a network. */
export async function disconnectContainerFromNetwork(engine: Engine, id: string, network: string): Promise<void> {
  await engineCall(`Disconnect container ${id.slice(0, 12)} from network ${network}`, () =>
    engine.api.getNetwork(network).disconnect({ Container: id, Force: true }),
  );
}
