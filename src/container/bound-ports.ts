import { isIPv6 } from 'node:net';
import { ResourceStateError } from '../errors';
import { parsePort, portKey, type PortWithOptionalBinding } from './ports';

/** One host binding of a container port, as in `InspectResult.ports`. */
export type HostPortBinding = { hostIp: string; hostPort: number };

/** The host bindings of one container port. */
export type HostPortBindings = HostPortBinding[];

/** A resolved address of the engine host (testcontainers `HostIp`); `family` is 4 or 6. */
export type HostIp = { address: string; family: number };

/** Container port keys (`6379/tcp`) to their host bindings. */
export type Ports = { [portAndProtocol: string]: HostPortBindings };

/**
 * Picks one host port deterministically when the engine binds IPv4 and IPv6 separately:
 * the IPv4 (or wildcard) binding wins, else the first one. Never depends on DNS order.
 */
export function selectHostBinding(bindings: readonly HostPortBinding[]): HostPortBinding | undefined {
  const usable = bindings.filter((b) => Number.isInteger(b.hostPort) && b.hostPort > 0);
  return usable.find((b) => b.hostIp === '' || !isIPv6(b.hostIp)) ?? usable[0];
}

/** Container port → host port map of a started container (testcontainers `BoundPorts`). */
export class BoundPorts {
  private readonly ports = new Map<string, number>();

  /** The host port of a container port; `port` may be `6379` or `"6379/tcp"`. Throws when it is not published. */
  getBinding(port: number | string, protocol = 'tcp'): number {
    const key = typeof port === 'string' && port.includes('/') ? port.toLowerCase() : `${port}/${protocol.toLowerCase()}`;
    const hostPort = this.ports.get(key);
    if (hostPort === undefined) throw new ResourceStateError('container', `No port binding found for :${key}`);
    return hostPort;
  }

  /** The first binding, in the order the container declared its ports. */
  getFirstBinding(): number {
    const first = this.ports.values().next();
    if (first.done) throw new ResourceStateError('container', 'No port bindings found');
    return first.value;
  }

  /** Records a binding; `key` may be `6379` or `"6379/udp"`. */
  setBinding(key: number | string, value: number, protocol = 'tcp'): void {
    const k = typeof key === 'string' && key.includes('/') ? key.toLowerCase() : `${key}/${protocol.toLowerCase()}`;
    this.ports.set(k, value);
  }

  /** `[ "6379/tcp", hostPort ]` pairs. */
  iterator(): Iterable<[string, number]> {
    return this.ports.entries();
  }

  /** Only the bindings of the given ports. */
  filter(ports: readonly PortWithOptionalBinding[]): BoundPorts {
    const result = new BoundPorts();
    for (const port of ports) {
      const parsed = parsePort(port);
      const key = portKey(parsed.containerPort, parsed.protocol);
      const hostPort = this.ports.get(key);
      if (hostPort !== undefined) result.setBinding(key, hostPort);
    }
    return result;
  }

  /**
   * Builds the map from an inspect result's `ports`. `hostIps` is accepted for compatibility but not
   * used: the binding is picked deterministically (IPv4 or wildcard first), never by DNS order.
   */
  static fromInspectResult(_hostIps: readonly HostIp[], inspectResult: { ports: Ports }): BoundPorts {
    const result = new BoundPorts();
    for (const [key, bindings] of Object.entries(inspectResult.ports)) {
      const chosen = selectHostBinding(bindings);
      if (chosen) result.setBinding(key, chosen.hostPort);
    }
    return result;
  }
}
