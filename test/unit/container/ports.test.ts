import { BoundPorts, selectHostBinding } from '../../../src/container/bound-ports';
import { getContainerPort, hasHostBinding, parsePort } from '../../../src/container/ports';
import { InvalidArgumentError } from '../../../src/errors';

describe('parsePort', () => {
  it.each([
    [80, { containerPort: 80, protocol: 'tcp' }],
    ['80', { containerPort: 80, protocol: 'tcp' }],
    ['53/udp', { containerPort: 53, protocol: 'udp' }],
    ['53/UDP', { containerPort: 53, protocol: 'udp' }],
    [{ container: 80, host: 8080 }, { containerPort: 80, protocol: 'tcp', hostPort: 8080 }],
    [{ container: 53, host: 5353, protocol: 'udp' }, { containerPort: 53, protocol: 'udp', hostPort: 5353 }],
    [{ container: 80 }, { containerPort: 80, protocol: 'tcp' }],
  ])('%j', (input, expected) => expect(parsePort(input as never)).toEqual(expected));

  it.each([0, 65536, -1, 1.5, '80/sctp', 'abc', '80/', '', { container: 0, host: 1 }, { container: 80, host: 70000 }, null])(
    'rejects %j',
    (input) => expect(() => parsePort(input as never)).toThrow(InvalidArgumentError),
  );

  it('getContainerPort and hasHostBinding', () => {
    expect(getContainerPort('53/udp')).toBe(53);
    expect(hasHostBinding({ container: 1, host: 2 })).toBe(true);
    expect(hasHostBinding(80)).toBe(false);
  });
});

describe('host binding selection', () => {
  it('prefers the IPv4 binding regardless of order', () => {
    expect(selectHostBinding([{ hostIp: '::', hostPort: 2 }, { hostIp: '0.0.0.0', hostPort: 1 }])).toEqual({ hostIp: '0.0.0.0', hostPort: 1 });
    expect(selectHostBinding([{ hostIp: '::', hostPort: 2 }])).toEqual({ hostIp: '::', hostPort: 2 });
    expect(selectHostBinding([])).toBeUndefined();
  });

  it('BoundPorts looks bindings up by number, string and protocol', () => {
    const ports = BoundPorts.fromInspectResult([], { ports: { '80/tcp': [{ hostIp: '127.0.0.1', hostPort: 1000 }], '53/udp': [{ hostIp: '', hostPort: 1001 }] } });
    expect(ports.getBinding(80)).toBe(1000);
    expect(ports.getBinding('80/tcp')).toBe(1000);
    expect(ports.getBinding(53, 'udp')).toBe(1001);
    expect(ports.getFirstBinding()).toBe(1000);
    expect(() => ports.getBinding(81)).toThrow('No port binding found for :81/tcp');
    expect([...ports.filter(['53/udp']).iterator()]).toEqual([['53/udp', 1001]]);
    expect(() => new BoundPorts().getFirstBinding()).toThrow('No port bindings found');
  });
});
