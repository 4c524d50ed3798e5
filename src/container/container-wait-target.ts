import type { Engine } from '../engine/engine';
import { inspectContainer } from '../engine/containers';
import { execInContainer } from '../engine/exec';
import { followContainerEvents, type ContainerEventStream } from '../engine/events';
import { ResourceStateError } from '../errors';
import { untilAborted } from '../wait/abort';
import type { BoundPortInfo, LogLine, TargetEvent, TargetExecResult, TargetState, WaitTarget } from '../wait/wait-target';
import type { LogHub } from './log-hub';
import { toInspectResult } from './inspect-result';

/** What one (re)start of a container knows: the inputs of its {@link WaitTarget}. */
export interface ContainerRunView {
  readonly engine: Engine;
  readonly id: string;
  readonly image: string;
  /** Published ports in declaration order. */
  readonly ports: readonly BoundPortInfo[];
  /** IP addresses on the container's networks. */
  readonly ipAddresses: readonly string[];
  /** The shared log of this run. */
  readonly logs: LogHub;
  /** Events from this UNIX time (fractional seconds) on belong to this run. */
  readonly eventsSince: number;
}

/** Opens the event stream; an abort rejects at once, and a stream that opens later is closed. */
async function openEvents(run: ContainerRunView, signal: AbortSignal): Promise<ContainerEventStream> {
  const opening = followContainerEvents(run.engine, run.id, run.eventsSince).then((stream) => {
    // Data already read from the socket may still be pushed after close() (the engine layer then
    // emits "push() after EOF"): once the stream is closed nobody reads, so such an error must not
    // crash the process.
    stream.events.on('error', () => undefined);
    return stream;
  });
  try {
    return await untilAborted(opening, signal);
  } catch (error) {
    opening.then((stream) => stream.close()).catch(() => undefined);
    throw error;
  }
}

async function* eventsOf(run: ContainerRunView, signal: AbortSignal): AsyncGenerator<TargetEvent> {
  signal.throwIfAborted();
  const stream = await openEvents(run, signal);
  stream.keepAlive(true);
  const onAbort = (): void => stream.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    // Aborted just as the stream opened: the listener came too late to fire.
    signal.throwIfAborted();
    for await (const event of stream.events as AsyncIterable<{ action: string; attributes: Record<string, string> }>) {
      signal.throwIfAborted();
      yield { action: event.action, attributes: event.attributes };
    }
    signal.throwIfAborted();
  } finally {
    signal.removeEventListener('abort', onAbort);
    stream.close();
  }
}

/** The container state as a wait strategy sees it. */
async function targetStateOf(engine: Engine, id: string): Promise<TargetState> {
  const raw = await inspectContainer(engine, id);
  const view = toInspectResult(raw);
  const lastProbe = raw.State.Health?.Log?.at(-1);
  return {
    status: view.state.status,
    running: view.state.running,
    ...(view.state.running || view.state.finishedAt === undefined ? {} : { exitCode: view.state.exitCode }),
    oomKilled: view.state.oomKilled,
    ...(raw.State.Health ? { health: view.healthCheckStatus } : {}),
    ...(lastProbe ? { lastHealthOutput: lastProbe.Output } : {}),
    ...(view.state.startedAt ? { startedAt: view.state.startedAt } : {}),
    ...(view.state.finishedAt ? { finishedAt: view.state.finishedAt } : {}),
  };
}

/** Builds the narrow {@link WaitTarget} of one container run. */
export function createWaitTarget(run: ContainerRunView): WaitTarget {
  return {
    id: run.id,
    image: run.image,
    host: run.engine.host,
    engineIsLocal: run.engine.isLocal,
    boundPorts: () => run.ports,
    mappedPort(containerPort: number, protocol: 'tcp' | 'udp' = 'tcp'): number {
      const found = run.ports.find((p) => p.containerPort === containerPort && p.protocol === protocol);
      if (!found) throw new ResourceStateError(`container ${run.id.slice(0, 12)}`, `No port binding found for :${containerPort}/${protocol}`);
      return found.hostPort;
    },
    ipAddresses: () => run.ipAddresses,
    logLines: (signal: AbortSignal): AsyncIterable<LogLine> => run.logs.subscribe(signal),
    async exec(command: readonly string[], signal: AbortSignal): Promise<TargetExecResult> {
      return execInContainer(run.engine, run.id, command, { signal });
    },
    async state(signal: AbortSignal): Promise<TargetState> {
      signal.throwIfAborted();
      return targetStateOf(run.engine, run.id);
    },
    events: (signal: AbortSignal): AsyncIterable<TargetEvent> => eventsOf(run, signal),
  };
}
