import type { Engine } from '../engine/engine';
import { createLogger } from '../logger';
import { runWait } from '../wait/run-wait';
import { selectWaitStrategy } from '../wait/select-wait-strategy';
import { startupTimeoutOf, type ContainerSpec } from './container-spec';
import { createRun, unixSecondsOf, type ContainerRun } from './container-run';
import { createWaitTarget } from './container-wait-target';
import { planStart, runStartStep, settleRun } from './start-step';

const log = createLogger('berth:container');

/** The image's health check, as the default wait selection needs it. */
export interface ImageHealthInfo {
  /** The image defines a HEALTHCHECK other than NONE. */
  present: boolean;
  /** The image says `HEALTHCHECK NONE`. */
  disabled: boolean;
}

/** How {@link bringUp} gets the container running. */
export interface BringUpOptions {
  engine: Engine;
  id: string;
  spec: ContainerSpec;
  imageHealth: ImageHealthInfo;
  /** `start` a created/stopped container, `restart` a running one, `none` when it already runs (reuse). */
  action: 'start' | 'restart' | 'none';
  /** Seconds before SIGKILL on restart. */
  restartTimeoutSeconds?: number;
  /** The container is new: every log line belongs to this run. */
  fresh: boolean;
  signal?: AbortSignal;
  /** Called after the start, once ports are bound, before the wait strategy runs. */
  onStarted?: (run: ContainerRun) => Promise<void>;
  /**
   * A lifecycle hook needs the container's inspect from after the start, before the wait: never
   * wait before that inspect (see `planStart`).
   */
  needsStartedInspect?: boolean;
}

/**
 * The one path from "created or running" to "ready", shared by start, restart and reuse: start or
 * restart → wait for port bindings (bounded by the startup timeout) → a fresh run (new ports, a
 * log that only holds this run's lines) → select and run the wait strategy. For a new container the
 * start step may attach to its output before the start and, when it publishes nothing and its wait
 * expects an exit or reads its log, run the wait without first inspecting it (see `start-step.ts`).
 */
export async function bringUp(options: BringUpOptions): Promise<ContainerRun> {
  const { engine, id, spec, signal } = options;
  const healthTest = spec.healthCheck?.test[0];
  const strategy = selectWaitStrategy({
    ...(spec.waitStrategy ? { explicit: spec.waitStrategy } : {}),
    containerHealthCheck: healthTest !== undefined && healthTest !== 'NONE',
    imageHealthCheck: options.imageHealth.present,
    healthCheckDisabled: healthTest === 'NONE' || (healthTest === undefined && options.imageHealth.disabled),
  });
  const startupTimeoutMs = startupTimeoutOf(spec, strategy);
  const startedAt = Date.now();
  signal?.throwIfAborted();
  const plan = planStart(options, strategy);
  const { inspect, attached, later } = await runStartStep(options, plan, startedAt + startupTimeoutMs);
  const logsSince = options.fresh ? 0 : unixSecondsOf(inspect.State.FinishedAt);
  let run = createRun(engine, inspect, spec.imageName.string, spec.exposedPorts, logsSince, attached);
  try {
    await options.onStarted?.(run);
    await runWait(strategy, createWaitTarget(run), { startupTimeoutMs, startedAt, ...(signal ? { signal } : {}) });
    if (later) run = await settleRun(run, later, spec);
    log.info(`Container is ready (${Date.now() - startedAt} ms)`, { containerId: id, image: spec.imageName.string });
    return run;
  } catch (error) {
    run.logs.close();
    throw error;
  }
}
