import { childController, sleep, throwIfAborted } from './abort';
import type { TargetEvent, TargetState, WaitTarget } from './wait-target';

/** How a container ended. */
export interface ExitInfo {
  /** The engine's state name (`exited`, `dead`). */
  status: string;
  exitCode?: number;
  oomKilled: boolean;
}

/** The fallback poll interval when the event stream is unavailable. */
const FALLBACK_POLL_MS = 250;

/** Whether a state shows a container that has stopped running (and is not about to restart). */
export function hasExited(state: TargetState): boolean {
  return !state.running && (state.status === 'exited' || state.status === 'dead');
}

/**
 * Follows the container's events until `pick` returns a value, and resolves with it. Resolves
 * `undefined` when the stream ends; rejects when `signal` aborts or the stream fails.
 */
async function firstEvent<T>(
  target: WaitTarget,
  signal: AbortSignal,
  pick: (event: TargetEvent) => T | undefined,
): Promise<T | undefined> {
  for await (const event of target.events(signal)) {
    const value = pick(event);
    if (value !== undefined) return value;
  }
  throwIfAborted(signal);
  return undefined;
}

/**
 * Event-driven reconciliation: follows the events (which replay from the (re)start) and reads the
 * state once; resolves with the first decision either gives. `fromState` decides on the inspected
 * state, `fromEvent` on each event; both return undefined for "not yet". When the event stream
 * fails or ends without a decision, falls back to polling `state()`.
 */
export async function decide<T>(
  target: WaitTarget,
  signal: AbortSignal,
  fromState: (state: TargetState) => T | undefined,
  fromEvent: (event: TargetEvent) => T | undefined,
): Promise<T> {
  const { controller, dispose } = childController(signal);
  try {
    const viaEvents = firstEvent(target, controller.signal, fromEvent).then(
      (value) => ({ value }),
      (error: unknown) => ({ value: undefined, error }),
    );
    // The one inspect races the events: after an exit the engine holds the container's lock while
    // it cleans up (tens of ms), so an inspect then blocks while the `die` event is already out.
    const viaState = target.state(controller.signal).then(
      (state) => ({ value: fromState(state) }),
      (error: unknown) => ({ value: undefined, error }),
    );
    const first = await Promise.race([viaEvents.then((o) => ({ o, events: true })), viaState.then((o) => ({ o, events: false }))]);
    if (first.o.value !== undefined) return first.o.value;
    const fromInspect = first.events ? await viaState : first.o;
    if (fromInspect.value !== undefined) return fromInspect.value;
    if ('error' in fromInspect) throw fromInspect.error;
    const outcome = first.events ? first.o : await viaEvents;
    if (outcome.value !== undefined) return outcome.value;
    throwIfAborted(signal);
    // The event stream failed or ended without a decision: poll.
    for (;;) {
      const decided = fromState(await target.state(signal));
      if (decided !== undefined) return decided;
      await sleep(FALLBACK_POLL_MS, signal);
    }
  } finally {
    controller.abort();
    dispose();
  }
}

/** Resolves when the container stops running (die event, or a state that shows it exited). */
export function waitForExit(target: WaitTarget, signal: AbortSignal): Promise<ExitInfo> {
  let oomKilled = false;
  return decide<ExitInfo>(
    target,
    signal,
    (state) =>
      hasExited(state) ? { status: state.status, exitCode: state.exitCode, oomKilled: state.oomKilled } : undefined,
    (event) => {
      if (event.action === 'oom') oomKilled = true;
      if (event.action !== 'die') return undefined;
      const code = Number.parseInt(event.attributes.exitCode ?? '', 10);
      return { status: 'exited', exitCode: Number.isNaN(code) ? undefined : code, oomKilled };
    },
  );
}
