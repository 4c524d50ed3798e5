import { createLogger } from '../logger';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { pollInterval, sleep, throwIfAborted } from './abort';
import { probeTcp } from './tcp-probe';
import type { BoundPortInfo, WaitTarget } from './wait-target';

const logger = createLogger('berth:wait');

/** Connect timeout of one attempt (as in testcontainers-node). */
const CONNECT_TIMEOUT_MS = 1_000;
/**
 * How long a connection through the engine's port proxy must stay open to count: docker-proxy
 * accepts at once and closes within a millisecond or two when nothing listens behind it.
 */
export const PROXY_HOLD_MS = 150;

/**
 * Waits until every published TCP port accepts connections from a process in the container.
 * Needs no shell or exec, so it works on `FROM scratch` images. On a local engine it connects to
 * the container's own IP and port, bypassing the port proxy; otherwise it connects to the mapped
 * port and only counts a connection the proxy keeps open for {@link PROXY_HOLD_MS}. UDP ports are
 * skipped. Polled: every 10 ms for the first second, easing off to every 100 ms.
 */
export class HostPortWaitStrategy extends AbstractWaitStrategy {
  /** Resolves when all published TCP ports listen. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    const ports = target.boundPorts().filter((port) => port.protocol === 'tcp');
    await Promise.all(ports.map((port) => this.waitForPort(target, port, signal)));
  }

  /** `listening ports`. */
  describe(): string {
    return 'listening ports';
  }

  private async waitForPort(target: WaitTarget, port: BoundPortInfo, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    // Direct addresses first (local engine), then the mapped port through the proxy.
    const direct = target.engineIsLocal ? [...target.ipAddresses()] : [];
    for (;;) {
      throwIfAborted(signal);
      const address = direct[0];
      if (address !== undefined) {
        const result = await probeTcp(address, port.containerPort, { connectTimeoutMs: CONNECT_TIMEOUT_MS, holdMs: 0, signal });
        if (result === 'open') return;
        if (result === 'unreachable') {
          logger.debug(`${address} is not reachable from here; checking port ${port.containerPort} another way`, {
            containerId: target.id,
          });
          direct.shift();
          continue;
        }
      } else {
        const result = await probeTcp(target.host, port.hostPort, {
          connectTimeoutMs: CONNECT_TIMEOUT_MS,
          holdMs: PROXY_HOLD_MS,
          signal,
        });
        if (result === 'open') return;
      }
      await sleep(pollInterval(Date.now() - started), signal);
    }
  }
}
