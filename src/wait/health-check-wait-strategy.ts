import { WaitStrategyError } from '../errors';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { decide } from './container-events';
import type { TargetEvent, TargetState, WaitTarget } from './wait-target';

type Health = 'healthy' | 'unhealthy';

/** The health status an event announces (`health_status: healthy` on Docker, attributes on Podman). */
function healthOf(event: TargetEvent): Health | undefined {
  if (!event.action.startsWith('health_status')) return undefined;
  const status = event.action.split(':')[1]?.trim() || event.attributes.health_status || '';
  return status === 'healthy' || status === 'unhealthy' ? status : undefined;
}

/**
 * Waits until the container's health check reports `healthy`; fails at once on `unhealthy`, or
 * when the container has no health check. Event-driven (`health_status` events reconciled with one
 * inspect), polling only when the event stream is unavailable.
 */
export class HealthCheckWaitStrategy extends AbstractWaitStrategy {
  /** Resolves on `healthy`; rejects with {@link WaitStrategyError} on `unhealthy`. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    let lastOutput: string | undefined;
    const fromState = (state: TargetState): Health | 'none' | undefined => {
      lastOutput = state.lastHealthOutput ?? lastOutput;
      if (state.health === undefined || state.health === 'none') return 'none';
      return state.health === 'starting' ? undefined : state.health;
    };
    const status = await decide(target, signal, fromState, healthOf);
    if (status === 'healthy') return;
    if (status === 'none') {
      throw new WaitStrategyError(this.describe(), 'the container has no health check');
    }
    if (lastOutput === undefined) {
      // The decision came from an event: one inspect for the probe's output.
      lastOutput = (await target.state(signal).catch(() => undefined))?.lastHealthOutput;
    }
    const output = lastOutput?.trim();
    throw new WaitStrategyError(this.describe(), `unhealthy${output ? `: ${output.slice(0, 500)}` : ''}`);
  }

  /** `health check`. */
  describe(): string {
    return 'health check';
  }
}
