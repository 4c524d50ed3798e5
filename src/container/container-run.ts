import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../engine/engine';
import { inspectContainer } from '../engine/containers';
import type { EngineContainerInspect } from '../engine/container-types';
import type { LogLineStream } from '../engine/logs';
import type { BoundPortInfo } from '../wait/wait-target';
import { BoundPorts, selectHostBinding } from './bound-ports';
import type { ContainerRunView } from './container-wait-target';
import { toInspectResult } from './inspect-result';
import { LogHub } from './log-hub';
import { parsePort, portKey, type PortWithOptionalBinding } from './ports';

/** One (re)start of a container: its inspect at start, its published ports and its shared log. */
export interface ContainerRun extends ContainerRunView {
  readonly inspect: EngineContainerInspect;
  readonly boundPorts: BoundPorts;
}

/** Host / none / container:<id> network modes publish nothing: ports are the container's own. */
function publishesNothing(inspect: EngineContainerInspect): boolean {
  const mode = inspect.HostConfig.NetworkMode ?? '';
  return mode === 'host' || mode === 'none' || mode.startsWith('container:');
}

/** Whether every published port of the container has a host port yet. */
function bindingsComplete(inspect: EngineContainerInspect): boolean {
  if (publishesNothing(inspect)) return true;
  const wanted = Object.keys(inspect.HostConfig.PortBindings ?? {});
  const actual = inspect.NetworkSettings.Ports ?? {};
  return wanted.every((key) => (actual[key] ?? []).some((b) => Number(b.HostPort) > 0));
}

/**
 * Inspects until every published port has a host binding, the container stopped running, or the
 * deadline passed (bounded by the startup timeout, not a fixed 10 s). Resolves the last inspect.
 */
export async function waitForPortBindings(
  engine: Engine,
  id: string,
  deadline: number,
  signal?: AbortSignal,
): Promise<EngineContainerInspect> {
  let delay = 25;
  for (;;) {
    signal?.throwIfAborted();
    const inspect = await inspectContainer(engine, id);
    if (bindingsComplete(inspect) || !inspect.State.Running || Date.now() >= deadline) return inspect;
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    delay = Math.min(delay * 2, 250);
  }
}

/** Published ports of the declared ports, in declaration order. */
function boundPortsOf(inspect: EngineContainerInspect, exposed: readonly PortWithOptionalBinding[]): BoundPortInfo[] {
  if (inspect.HostConfig.NetworkMode === 'host') {
    // The container listens on the host's own ports.
    return exposed.map(parsePort).map((p) => ({ containerPort: p.containerPort, protocol: p.protocol, hostPort: p.containerPort }));
  }
  const ports = toInspectResult(inspect).ports;
  const out: BoundPortInfo[] = [];
  for (const port of exposed) {
    const parsed = parsePort(port);
    const chosen = selectHostBinding(ports[portKey(parsed.containerPort, parsed.protocol)] ?? []);
    if (chosen && !out.some((p) => p.containerPort === parsed.containerPort && p.protocol === parsed.protocol)) {
      out.push({ containerPort: parsed.containerPort, protocol: parsed.protocol, hostPort: chosen.hostPort });
    }
  }
  return out;
}

/** UNIX seconds (fractional, microsecond precision) of an engine timestamp; 0 when unset. */
export function unixSecondsOf(timestamp: string | undefined): number {
  if (!timestamp || timestamp.startsWith('0001-01-01')) return 0;
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(timestamp);
  if (!m) return Date.parse(timestamp) / 1000 || 0;
  const whole = Date.parse(`${m[1]}${m[3]}`) / 1000;
  const fraction = Number(`0.${(m[2] ?? '0').padEnd(9, '0').slice(0, 6)}`);
  return whole + fraction;
}

/** Published ports and container addresses of an inspect. */
function addressesOf(inspect: EngineContainerInspect, exposed: readonly PortWithOptionalBinding[]) {
  const ports = boundPortsOf(inspect, exposed);
  const boundPorts = new BoundPorts();
  for (const p of ports) boundPorts.setBinding(p.containerPort, p.hostPort, p.protocol);
  const ipAddresses = Object.values(inspect.NetworkSettings.Networks ?? {})
    .map((n) => n.IPAddress)
    .filter((ip) => ip);
  return { ports, boundPorts, ipAddresses };
}

/** The run with a newer inspect of the same start (ports, addresses); its log and events stay. */
export function withInspect(run: ContainerRun, inspect: EngineContainerInspect, exposed: readonly PortWithOptionalBinding[]): ContainerRun {
  return { ...run, ...addressesOf(inspect, exposed), inspect };
}

/**
 * Builds the run of a container from its inspect (after the (re)start, or just before the start of a
 * new container, see `start-step.ts`). `logsSince` is 0 for a new
 * container (every line is this run's) and the previous run's end for a restart.
 */
export function createRun(
  engine: Engine,
  inspect: EngineContainerInspect,
  image: string,
  exposed: readonly PortWithOptionalBinding[],
  logsSince: number,
  /** The container's output, attached before this run started (else a follow log is opened when needed). */
  attached?: LogLineStream,
): ContainerRun {
  return {
    engine,
    id: inspect.Id,
    image,
    ...addressesOf(inspect, exposed),
    logs: new LogHub(engine, inspect.Id, logsSince, inspect.Config.Tty === true, attached),
    // A restart's events begin at the new start: the previous run's `die` must not count as this run's.
    eventsSince: logsSince > 0 ? unixSecondsOf(inspect.State.StartedAt) || logsSince : unixSecondsOf(inspect.Created),
    inspect,
  };
}
