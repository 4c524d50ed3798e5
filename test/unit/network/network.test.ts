import { InvalidArgumentError, Network, Volume } from 'berth';

describe('Network options (no engine)', () => {
  it('accepts the testcontainers Uuid shape and the options object', () => {
    expect(() => new Network({ nextUuid: () => 'abc123def456' })).not.toThrow();
    expect(() => new Network({ name: 'my-net_1.x', internal: true, labels: { a: 'b' } })).not.toThrow();
    expect(() => new Network()).not.toThrow();
  });

  it.each(['', ' spaced', 'a/b', '-lead'])('rejects the network name %j before touching the engine', (name) => {
    expect(() => new Network({ name })).toThrow(InvalidArgumentError);
  });
});

describe('Volume options (no engine)', () => {
  it('defaults to a random 12-hex name', () => {
    expect(new Volume().getName()).toMatch(/^[0-9a-f]{12}$/);
    expect(new Volume('data_1').getName()).toBe('data_1');
  });

  it.each(['', 'x', 'a b', '/abs', '.hidden'])('rejects the volume name %j', (name) => {
    expect(() => new Volume(name)).toThrow(InvalidArgumentError);
  });
});
