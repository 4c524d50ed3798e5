// A fake WaitTarget for unit tests of wait strategies: logs, events and state are driven by the
// test; every stream honours its AbortSignal and the fake counts open subscriptions, so a test can
// check that a finished wait left nothing running.
import { nextWake } from '../../../src/wait/abort';
import type { BoundPortInfo, LogLine, TargetEvent, TargetExecResult, TargetState, WaitTarget } from '../../../src/wait/wait-target';

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** An append-only feed that any number of subscribers replay from the start and then follow. */
class Feed<T> {
  private readonly items: T[] = [];
  private ended = false;
  private failure: Error | undefined;
  private readonly wakers = new Set<() => void>();
  open = 0;

  push(item: T): void {
    this.items.push(item);
    this.wake();
  }

  end(failure?: Error): void {
    this.ended = true;
    this.failure = failure;
    this.wake();
  }

  async *subscribe(signal: AbortSignal): AsyncGenerator<T> {
    this.open += 1;
    try {
      let index = 0;
      for (;;) {
        if (signal.aborted) throw abortError(signal);
        while (index < this.items.length) yield this.items[index++] as T;
        if (this.ended) {
          if (this.failure) throw this.failure;
          return;
        }
        await nextWake(this.wakers, signal);
      }
    } finally {
      this.open -= 1;
    }
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}

/** A scriptable {@link WaitTarget}. */
export class FakeTarget implements WaitTarget {
  readonly id = 'fakecontainer0123456789';
  readonly image = 'fake/image:1';
  host = '127.0.0.1';
  engineIsLocal = false;
  ports: BoundPortInfo[] = [];
  ips: string[] = [];
  currentState: TargetState = { status: 'running', running: true, oomKilled: false };
  /** Answers exec calls; default: exit 0. */
  onExec: (command: readonly string[]) => TargetExecResult | Promise<TargetExecResult> = () => ({
    exitCode: 0,
    stdout: '',
    stderr: '',
    output: '',
  });
  /** When set, `events()` fails with it (an engine without an event stream). */
  eventsError: Error | undefined;
  stateCalls = 0;
  execCalls: (readonly string[])[] = [];
  readonly logFeed = new Feed<LogLine>();
  readonly eventFeed = new Feed<TargetEvent>();

  /** Open log and event subscriptions: 0 once every wait is over. */
  get openStreams(): number {
    return this.logFeed.open + this.eventFeed.open;
  }

  withPort(containerPort: number, hostPort: number, protocol: 'tcp' | 'udp' = 'tcp'): this {
    this.ports.push({ containerPort, hostPort, protocol });
    return this;
  }

  log(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    this.logFeed.push({ text, stream });
  }

  emit(action: string, attributes: Record<string, string> = {}): void {
    this.eventFeed.push({ action, attributes });
  }

  setState(state: Partial<TargetState>): void {
    this.currentState = { ...this.currentState, ...state };
  }

  /** The container exits: state, `oom` (when OOM-killed) and `die` events, end of logs. */
  die(exitCode: number, oomKilled = false): void {
    this.setState({ status: 'exited', running: false, exitCode, oomKilled, finishedAt: new Date() });
    if (oomKilled) this.emit('oom');
    this.emit('die', { exitCode: String(exitCode) });
    this.logFeed.end();
  }

  boundPorts(): readonly BoundPortInfo[] {
    return this.ports;
  }

  mappedPort(containerPort: number, protocol: 'tcp' | 'udp' = 'tcp'): number {
    const port = this.ports.find((p) => p.containerPort === containerPort && p.protocol === protocol);
    if (!port) throw new Error(`No port binding found for :${containerPort}/${protocol}`);
    return port.hostPort;
  }

  ipAddresses(): readonly string[] {
    return this.ips;
  }

  logLines(signal: AbortSignal): AsyncIterable<LogLine> {
    return this.logFeed.subscribe(signal);
  }

  async exec(command: readonly string[], signal: AbortSignal): Promise<TargetExecResult> {
    if (signal.aborted) throw abortError(signal);
    this.execCalls.push(command);
    return this.onExec(command);
  }

  async state(signal: AbortSignal): Promise<TargetState> {
    if (signal.aborted) throw abortError(signal);
    this.stateCalls += 1;
    await Promise.resolve();
    return { ...this.currentState };
  }

  events(signal: AbortSignal): AsyncIterable<TargetEvent> {
    if (this.eventsError) {
      const error = this.eventsError;
      return {
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
      };
    }
    return this.eventFeed.subscribe(signal);
  }
}
