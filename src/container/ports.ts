import { InvalidArgumentError } from '../errors';

/** A fixed host port for a container port. `host` is required by the type; a missing one at runtime means random. */
export type PortWithBinding = { container: number; host: number; protocol?: 'tcp' | 'udp' };

/** A container port to publish: `6379`, `"53/udp"`, or `{ container, host, protocol? }`. */
export type PortWithOptionalBinding = number | `${number}/${'tcp' | 'udp'}` | PortWithBinding;

/** A validated port to publish. */
export interface ParsedPort {
  containerPort: number;
  protocol: 'tcp' | 'udp';
  /** The fixed host port, or undefined for a random one. */
  hostPort?: number;
}

const PORT_FORMAT = /^\d+(\/(udp|tcp))?$/i;

function checkRange(value: unknown, subject: string, original: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new InvalidArgumentError(subject, original, 'expected a whole number from 1 to 65535');
  }
  return value;
}

/** Validates and normalises one port. Throws {@link InvalidArgumentError}. */
export function parsePort(port: PortWithOptionalBinding): ParsedPort {
  if (typeof port === 'number') return { containerPort: checkRange(port, 'port', port), protocol: 'tcp' };
  if (typeof port === 'string') {
    if (!PORT_FORMAT.test(port)) {
      throw new InvalidArgumentError('port', port, 'expected "<port>" or "<port>/tcp" or "<port>/udp"');
    }
    const [num, proto] = port.split('/');
    return {
      containerPort: checkRange(Number(num), 'port', port),
      protocol: (proto?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp',
    };
  }
  if (port && typeof port === 'object') {
    const protocol = port.protocol === undefined ? 'tcp' : port.protocol;
    if (protocol !== 'tcp' && protocol !== 'udp') {
      throw new InvalidArgumentError('port protocol', port, 'expected "tcp" or "udp"');
    }
    const containerPort = checkRange(port.container, 'container port', port);
    const hostPort = port.host === undefined || port.host === 0 ? undefined : checkRange(port.host, 'host port', port);
    return { containerPort, protocol, ...(hostPort !== undefined ? { hostPort } : {}) };
  }
  throw new InvalidArgumentError('port', port, 'expected a number, "<port>/<tcp|udp>" or { container, host }');
}

/** The container port of a port spec (testcontainers `getContainerPort`). */
export function getContainerPort(port: PortWithOptionalBinding): number {
  return parsePort(port).containerPort;
}

/** Whether a port spec names a fixed host port (testcontainers `hasHostBinding`). */
export function hasHostBinding(port: PortWithOptionalBinding): port is PortWithBinding {
  return typeof port === 'object' && port !== null && typeof port.host === 'number' && port.host > 0;
}

/** The engine key of a port, e.g. `6379/tcp`. */
export function portKey(containerPort: number, protocol: 'tcp' | 'udp' = 'tcp'): string {
  return `${containerPort}/${protocol}`;
}
