import { attachOutputLines } from '../engine/attach';
import { inspectContainer, restartContainer, startContainer } from '../engine/containers';
import type { EngineContainerInspect } from '../engine/container-types';
import type { Engine } from '../engine/engine';
import type { LogLineStream } from '../engine/logs';
import { createLogger } from '../logger';
import { CompositeWaitStrategy } from '../wait/composite-wait-strategy';
import { waitForExit } from '../wait/container-events';
import { LogWaitStrategy } from '../wait/log-wait-strategy';
import type { WaitStrategy } from '../wait/wait-strategy';
import type { ContainerSpec } from './container-spec';
import { waitForPortBindings, withInspect, type ContainerRun } from './container-run';
import { createWaitTarget } from './container-wait-target';

const log = createLogger('berth:container');

/** What the start step needs to know. */
export interface StartStepOptions {
  engine: Engine;
  id: string;
  spec: ContainerSpec;
  action: 'start' | 'restart' | 'none';
  restartTimeoutSeconds?: number;
  fresh: boolean;
  signal?: AbortSignal;
  /** A lifecycle hook needs the inspect from after the start before the wait: no early wait. */
  needsStartedInspect?: boolean;
}

/** How the start step runs. */
export interface StartPlan {
  /**
   * `undefined`: start, then wait for the port bindings (an inspect after the start), then the wait.
   * `exit`: the wait expects the container to exit: the run is built from an inspect taken just before
   * the start, and no inspect follows. `log`: the same, but the inspect after the start runs while the
   * log wait does, and is used unless the container exited first (see {@link settleRun}).
   */
  early?: 'exit' | 'log';
  /** Attach to the output before the start (see {@link planStart}). */
  attach: boolean;
}

/**
 * Plans the start. The engine holds a container's lock while it cleans up after an exit (tens of
 * ms), and every inspect or `logs` request waits for it; the `die` event and an output stream
 * attached before the start do not. So a new container that publishes nothing, whose wait expects an
 * exit or reads its log, is waited on without first inspecting it after the start; and when its
 * log will be read during the start (a log wait, `forAll`, a log consumer), its output is attached
 * before the start instead of opening a follow log afterwards.
 */
export function planStart(options: StartStepOptions, strategy: WaitStrategy): StartPlan {
  const fresh = options.action === 'start' && options.fresh;
  const attach = fresh && (!!options.spec.logConsumer || strategy instanceof LogWaitStrategy || strategy instanceof CompositeWaitStrategy);
  if (!fresh || options.needsStartedInspect === true || options.spec.exposedPorts.length > 0) return { attach };
  if (strategy.expectsExit?.() === true) return { early: 'exit', attach };
  if (strategy instanceof LogWaitStrategy) return { early: 'log', attach };
  return { attach };
}

/** What the start step hands to the run. */
export interface Started {
  /** The inspect the run is built from (before the start for an early wait). */
  inspect: EngineContainerInspect;
  /** The output, attached before the start. */
  attached?: LogLineStream;
  /** `early: 'log'`: the inspect after the start, in flight. */
  later?: Promise<EngineContainerInspect>;
}

/** Starts or restarts the container as planned; nothing is left open when it fails. */
export async function runStartStep(options: StartStepOptions, plan: StartPlan, deadline: number): Promise<Started> {
  const { engine, id, spec, signal } = options;
  // Never rejects: without an attached stream the run opens a follow log when it needs one.
  const attaching = plan.attach
    ? attachOutputLines(engine, id, spec.tty).catch((error: unknown) => {
        log.debug(`Could not attach to the output, reading the log instead: ${String(error)}`, { containerId: id });
        return undefined;
      })
    : Promise.resolve(undefined);
  try {
    const created = plan.early ? await inspectContainer(engine, id) : undefined;
    const attached = await attaching;
    signal?.throwIfAborted();
    if (options.action === 'start') await startContainer(engine, id);
    else if (options.action === 'restart') await restartContainer(engine, id, options.restartTimeoutSeconds ?? 0);
    if (!created) return { inspect: await waitForPortBindings(engine, id, deadline, signal), ...(attached ? { attached } : {}) };
    const later = plan.early === 'log' ? waitForPortBindings(engine, id, deadline, signal) : undefined;
    later?.catch(() => undefined); // awaited by settleRun; a failed start must not leave it unhandled
    return { inspect: created, ...(attached ? { attached } : {}), ...(later ? { later } : {}) };
  } catch (error) {
    void attaching.then((stream) => stream?.close());
    throw error;
  }
}

/**
 * After an early log wait: the run with the inspect from after the start (addresses, state), unless
 * the container exited first. Its inspect then waits for the engine's cleanup and would add nothing
 * (an exited container has no addresses): the run keeps the inspect from before the start.
 */
export async function settleRun(run: ContainerRun, later: Promise<EngineContainerInspect>, spec: ContainerSpec): Promise<ContainerRun> {
  // Already there (a container that keeps running): no need to watch for its exit.
  const ready = await Promise.race([later, Promise.resolve(undefined)]);
  if (ready) return withInspect(run, ready, spec.exposedPorts);
  const controller = new AbortController();
  const exited = waitForExit(createWaitTarget(run), controller.signal).then(
    () => undefined,
    () => new Promise<never>(() => undefined), // could not watch: the inspect decides
  );
  try {
    const inspect = await Promise.race([later, exited]);
    return inspect ? withInspect(run, inspect, spec.exposedPorts) : run;
  } finally {
    controller.abort();
  }
}
