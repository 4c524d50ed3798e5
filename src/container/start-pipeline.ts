import { getConfig } from '../config';
import { createContainer } from '../engine/containers';
import { getEngine, type Engine } from '../engine/engine';
import { inspectImage } from '../engine/images';
import { BerthError, ContainerStartError, EngineRequestError, OperationAbortedError } from '../errors';
import { ensureImage } from '../image/ensure-image';
import { LABEL_BERTH_CREATED_BY, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { ensureReaper } from '../reaper/reaper';
import { getSessionId } from '../reaper/session';
import { creationSite, trackResource } from '../reaper/tracker';
import { bringUp, type ImageHealthInfo } from './bring-up';
import type { ContainerRun } from './container-run';
import { startupTimeoutOf, type ContainerSpec } from './container-spec';
import { copyArchivesToContainer, copyToContainer } from './copy';
import { toCreateRequest } from './create-options';
import { collectFailureDetails } from './failure-details';
import { toInspectResult, type InspectResult } from './inspect-result';
import { linesToText } from './logs';
import { rememberContainer } from './registry';
import { findOrCreateReusable, reuseHashOf } from './reuse';
import { StartedGenericContainer } from './started-generic-container';
import { removeAndForget } from './stop';
import { validateSpec } from './validate';
import { validateReferences } from './validate-references';

const log = createLogger('berth:container');

/** The optional lifecycle hooks of `GenericContainer` subclasses (as in testcontainers). */
export interface ContainerLifecycleHooks {
  beforeContainerCreated?(): Promise<void>;
  containerCreated?(containerId: string): Promise<void>;
  containerStarting?(inspectResult: InspectResult, reused: boolean): Promise<void>;
  containerStarted?(container: StartedGenericContainer, inspectResult: InspectResult, reused: boolean): Promise<void>;
}

/** The image's health check; `undefined` when the image is not on the engine. */
async function imageHealthOf(engine: Engine, reference: string): Promise<ImageHealthInfo | undefined> {
  const found = await inspectImage(engine, reference);
  const test = found?.Config?.Healthcheck?.Test;
  return found && { present: !!test?.length && test[0] !== 'NONE', disabled: test?.[0] === 'NONE' };
}

/**
 * The reaper, the image and its health check in one round trip: the reaper is armed while the
 * image is inspected, and an image that is present and need not be pulled is not inspected again
 * by `ensureImage` (which would only inspect it and return). A pull is bounded by the container's
 * startup timeout and cancelled by the start's signal.
 */
async function prepare(engine: Engine, spec: ContainerSpec, signal?: AbortSignal): Promise<ImageHealthInfo> {
  const image = spec.imageName.string;
  const alwaysPull = spec.pullPolicy.shouldPull() === true;
  const [, present] = await Promise.all([ensureReaper(engine), alwaysPull ? undefined : imageHealthOf(engine, image)]);
  if (present) return present;
  await ensureImage(engine, spec.imageName, {
    pullPolicy: spec.pullPolicy,
    timeoutMs: startupTimeoutOf(spec),
    ...(spec.platform ? { platform: spec.platform } : {}),
    ...(signal ? { signal } : {}),
  });
  return (await imageHealthOf(engine, image)) ?? { present: false, disabled: false };
}

function attachLogConsumer(spec: ContainerSpec, run: ContainerRun): void {
  if (!spec.logConsumer) return;
  // Lives as long as the run's log: it ends when the container stops. Never keeps the process alive.
  const never = new AbortController().signal;
  spec.logConsumer(linesToText(run.logs.subscribe(never, { keepAlive: false })));
}

async function toStartError(error: unknown, engine: Engine, id: string | undefined, spec: ContainerSpec, signal?: AbortSignal): Promise<unknown> {
  const image = spec.imageName.string;
  if (signal?.aborted) return error instanceof OperationAbortedError ? error : new OperationAbortedError(`start container from ${image}`, { cause: error });
  if (error instanceof BerthError && !(error instanceof EngineRequestError)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ContainerStartError(reason, await collectFailureDetails(engine, id, image), { cause: error });
}

/**
 * The one start pipeline: validate → engine → linked / volumes-from containers exist → reaper →
 * image → create (labelled, tracked) → copy files → start → port bindings → wait strategy →
 * `StartedGenericContainer`. On any failure the container is removed with its anonymous volumes
 * and the error is rethrown.
 */
export async function runStartPipeline(
  spec: ContainerSpec,
  hooks: ContainerLifecycleHooks,
  signal?: AbortSignal,
): Promise<StartedGenericContainer> {
  const createdBy = creationSite(); // before the first await: the caller's frame is still on the stack
  validateSpec(spec);
  const image = spec.imageName.string;
  const aborted = (cause?: unknown): OperationAbortedError =>
    new OperationAbortedError(`start container from ${image}`, { cause: cause ?? signal?.reason });
  if (signal?.aborted) throw aborted();
  let context: StartContext;
  try {
    const engine = await getEngine();
    await validateReferences(engine, spec);
    const imageHealth = await prepare(engine, spec, signal);
    context = { engine, spec, imageHealth, hooks, ...(signal ? { signal } : {}), ...(createdBy ? { createdBy } : {}) };
  } catch (error) {
    throw signal?.aborted && !(error instanceof OperationAbortedError) ? aborted(error) : error;
  }
  if (signal?.aborted) throw aborted();
  if (!spec.reuse || !getConfig().reuseEnabled) return createAndStart(context);
  try {
    return await findOrCreateReusable(context, createAndStart);
  } catch (error) {
    throw signal?.aborted && !(error instanceof OperationAbortedError) ? aborted(error) : error;
  }
}

/** Everything one start needs. */
export interface StartContext {
  engine: Engine;
  spec: ContainerSpec;
  imageHealth: ImageHealthInfo;
  hooks: ContainerLifecycleHooks;
  signal?: AbortSignal;
  /** `file:line` of the user code that called `start()`. */
  createdBy?: string;
}

/** Creates a new container from the spec and brings it up; removes it on any failure. */
export async function createAndStart(context: StartContext, reuseHash?: string): Promise<StartedGenericContainer> {
  const { engine, spec, imageHealth, hooks, signal, createdBy } = context;
  let id: string | undefined;
  try {
    signal?.throwIfAborted();
    await hooks.beforeContainerCreated?.();
    const extraLabels = {
      ...standardLabels(),
      ...(spec.autoCleanup && !reuseHash ? sessionLabels(getSessionId()) : {}),
      ...(createdBy ? { [LABEL_BERTH_CREATED_BY]: createdBy } : {}),
      ...(reuseHash ? reuseHashOf(reuseHash) : {}),
    };
    const request = toCreateRequest(spec, { engineIsLocal: engine.isLocal, extraLabels });
    signal?.throwIfAborted();
    id = await createContainer(engine, request);
    trackResource({ kind: 'container', id, ...(request.name ? { name: request.name } : {}), ...(createdBy ? { createdBy } : {}) });
    rememberContainer(id);
    log.info(`Created container from ${spec.imageName.string}`, { containerId: id });
    await hooks.containerCreated?.(id);
    const files = { files: spec.filesToCopy, directories: spec.directoriesToCopy, contents: spec.contentsToCopy };
    await copyToContainer(engine, id, files, spec.copyToContainerOptions);
    await copyArchivesToContainer(engine, id, spec.archivesToCopy, spec.copyToContainerOptions);
    const run = await bringUp({
      engine,
      id,
      spec,
      imageHealth,
      action: 'start',
      fresh: true,
      ...(signal ? { signal } : {}),
      needsStartedInspect: !!(hooks.containerStarting || hooks.containerStarted),
      onStarted: async (started) => {
        attachLogConsumer(spec, started);
        await hooks.containerStarting?.(toInspectResult(started.inspect), false);
      },
    });
    const container = new StartedGenericContainer(engine, spec, imageHealth, run, false);
    await hooks.containerStarted?.(container, toInspectResult(run.inspect), false);
    return container;
  } catch (error) {
    const failure = await toStartError(error, engine, id, spec, signal);
    if (id) {
      log.warn(`Start failed, removing the container: ${String((error as Error)?.message ?? error)}`, { containerId: id });
      await removeAndForget(engine, id, true).catch((e: unknown) => log.error(`Could not remove container: ${String(e)}`, { containerId: id }));
    }
    throw failure;
  }
}
