import { toContainerChanges } from '../../../src/container/diff';
import { toInspectResult } from '../../../src/container/inspect-result';
import { unixSecondsOf } from '../../../src/container/container-run';
import { computeReuseHash } from '../../../src/container/reuse';
import { createSpec } from '../../../src/container/container-spec';
import { ImageName } from '../../../src/image/image-name';
import type { EngineContainerInspect } from '../../../src/engine/container-types';

describe('diff mapping', () => {
  it('maps kinds 0/1/2 to changed/added/deleted, sorted by path', () => {
    expect(toContainerChanges([{ Path: '/b', Kind: 1 }, { Path: '/a', Kind: 2 }, { Path: '/a/c', Kind: 0 }])).toEqual([
      { path: '/a', kind: 'deleted' },
      { path: '/a/c', kind: 'changed' },
      { path: '/b', kind: 'added' },
    ]);
  });
});

describe('inspect mapping', () => {
  const raw: EngineContainerInspect = {
    Id: 'abc',
    Name: '/n',
    Created: '2024-01-01T00:00:00.5Z',
    Image: 'sha256:1',
    Path: 'redis-server',
    Args: ['--port', '1'],
    State: { Status: 'exited', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, ExitCode: 3, StartedAt: '2024-01-01T00:00:01.123456789Z', FinishedAt: '0001-01-01T00:00:00Z', Health: { Status: 'healthy' } },
    Config: { Hostname: 'h', Image: 'redis:7', Env: ['A=1'], Labels: { l: 'v' } },
    HostConfig: {},
    Mounts: [{ Type: 'volume', Name: 'v1', Source: '/var/lib/x', Destination: '/data', Mode: '', RW: true }],
    NetworkSettings: { Ports: { '6379/tcp': [{ HostIp: '127.0.0.1', HostPort: '1234' }], '1/udp': null }, Networks: { bridge: { NetworkID: 'nid', IPAddress: '172.17.0.2' } } },
  };
  it('gives a typed view with raw', () => {
    const view = toInspectResult(raw);
    expect(view).toMatchObject({
      name: '/n',
      hostname: 'h',
      image: 'redis:7',
      command: ['redis-server', '--port', '1'],
      env: ['A=1'],
      labels: { l: 'v' },
      mounts: [{ type: 'volume', name: 'v1', destination: '/data', readOnly: false }],
      networkSettings: { bridge: { networkId: 'nid', ipAddress: '172.17.0.2' } },
      ports: { '6379/tcp': [{ hostIp: '127.0.0.1', hostPort: 1234 }], '1/udp': [] },
      healthCheckStatus: 'healthy',
      state: { status: 'exited', running: false, exitCode: 3, finishedAt: undefined, health: 'healthy' },
    });
    expect(view.state.startedAt?.toISOString()).toBe('2024-01-01T00:00:01.123Z');
    expect(view.raw).toBe(raw);
  });

  it('reads engine timestamps with sub-millisecond precision', () => {
    expect(unixSecondsOf('2024-01-01T00:00:01.123456789Z')).toBeCloseTo(1704067201.123456, 6);
    expect(unixSecondsOf('0001-01-01T00:00:00Z')).toBe(0);
    expect(unixSecondsOf(undefined)).toBe(0);
  });
});

describe('reuse hash', () => {
  it('covers HostConfig and changes when any part of the spec changes', () => {
    const a = createSpec(ImageName.fromString('redis:7'));
    const b = createSpec(ImageName.fromString('redis:7'));
    expect(computeReuseHash(a, true)).toBe(computeReuseHash(b, true));
    b.bindMounts = [{ source: '/x', target: '/y' }];
    expect(computeReuseHash(a, true)).not.toBe(computeReuseHash(b, true));
    const c = createSpec(ImageName.fromString('redis:7'));
    c.privileged = true;
    expect(computeReuseHash(a, true)).not.toBe(computeReuseHash(c, true));
  });
});
