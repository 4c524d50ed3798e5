import { GenericContainer } from '../../../src/container/generic-container';
import type { ContainerSpec } from '../../../src/container/container-spec';
import { InvalidArgumentError } from '../../../src/errors';
import { validateSpec } from '../../../src/container/validate';

class Peek extends GenericContainer {
  get recorded(): ContainerSpec {
    return this.spec;
  }
}
const peek = (): Peek => new Peek('redis:7');

describe('GenericContainer builder: merge or replace', () => {
  it('merges labels, environment and tmpfs; appends ports, extra hosts, capabilities, security options, ulimits', () => {
    const s = peek()
      .withLabels({ a: '1' })
      .withLabels({ b: '2' })
      .withEnvironment({ A: '1' })
      .withEnvironment({ A: '2', B: '3' })
      .withTmpFs({ '/a': 'rw' })
      .withTmpFs({ '/b': 'ro' })
      .withExposedPorts(1)
      .withExposedPorts('2/udp')
      .withExtraHosts([{ host: 'h1', ipAddress: '1.1.1.1' }])
      .withExtraHosts([{ host: 'h2', ipAddress: '2.2.2.2' }])
      .withAddedCapabilities('A')
      .withAddedCapabilities('B')
      .withDroppedCapabilities('C')
      .withSecurityOpt('x')
      .withSecurityOpt('y')
      .withUlimits({ nofile: { soft: 1, hard: 2 } })
      .withUlimits({ nproc: { soft: 3, hard: 4 } }).recorded;
    expect(s.labels).toEqual({ a: '1', b: '2' });
    expect(s.environment).toEqual({ A: '2', B: '3' });
    expect(s.tmpFs).toEqual({ '/a': 'rw', '/b': 'ro' });
    expect(s.exposedPorts).toEqual([1, '2/udp']);
    expect(s.extraHosts).toHaveLength(2);
    expect(s.capAdd).toEqual(['A', 'B']);
    expect(s.capDrop).toEqual(['C']);
    expect(s.securityOpt).toEqual(['x', 'y']);
    expect(s.ulimits.map((u) => u.name)).toEqual(['nofile', 'nproc']);
  });

  it('replaces command, entrypoint, bind mounts, user, wait strategy, pull policy', () => {
    const s = peek()
      .withCommand(['a'])
      .withCommand(['b'])
      .withEntrypoint(['x'])
      .withEntrypoint(['y'])
      .withBindMounts([{ source: '/1', target: '/1' }])
      .withBindMounts([{ source: '/2', target: '/2', mode: 'ro' }])
      .withUser('a')
      .withUser('b').recorded;
    expect(s.command).toEqual(['b']);
    expect(s.entrypoint).toEqual(['y']);
    expect(s.bindMounts).toEqual([{ source: '/2', target: '/2', mode: 'ro' }]);
    expect(s.user).toBe('b');
  });

  it('records docker-run extras', () => {
    const target = { getName: () => '/db' } as never;
    const s = peek()
      .withTty()
      .withOpenStdin()
      .withRestartPolicy('on-failure', 5)
      .withLink(target, 'database')
      .withLink('cache', 'c')
      .withVolumeMount({ getName: () => 'vol' }, '/v', 'ro')
      .withVolumesFrom('other')
      .withVolumesFrom(target, 'ro')
      .withNetwork({ getName: () => 'net' })
      .withNetworkAliases('a').recorded;
    expect(s).toMatchObject({
      tty: true,
      openStdin: true,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 5 },
      links: ['db:database', 'cache:c'],
      volumeMounts: [{ source: 'vol', target: '/v', mode: 'ro' }],
      volumesFrom: ['other', 'db:ro'],
      networkMode: 'net',
      networkAliases: ['a'],
    });
    expect(() => validateSpec(s)).not.toThrow();
  });
});

describe('bad input is rejected with InvalidArgumentError before anything is created', () => {
  it.each<[string, () => unknown]>([
    ['image name', () => new GenericContainer('UPPER/case')],
    ['empty image', () => new GenericContainer('')],
    ['port 0', () => peek().withExposedPorts(0)],
    ['port format', () => peek().withExposedPorts('80/tcpx' as never)],
    ['bind mode', () => peek().withBindMounts([{ source: '/a', target: '/b', mode: 'rx' as never }])],
    ['bind target relative', () => peek().withBindMounts([{ source: '/a', target: 'b' }])],
    ['link alias', () => peek().withLink('x', '-bad')],
    ['link target empty', () => peek().withLink('', 'db')],
    ['link target with ":"', () => peek().withLink('a:b', 'db')],
    ['volumes-from source empty', () => peek().withVolumesFrom('')],
    ['network alias', () => peek().withNetworkAliases('has space')],
    ['volume target', () => peek().withVolumeMount('v', 'data')],
    ['volume mode', () => peek().withVolumeMount('v', '/data', 'z' as never)],
    ['volumes-from mode', () => peek().withVolumesFrom('x', 'x' as never)],
    ['env key with =', () => peek().withEnvironment({ 'A=B': '1' })],
    ['env empty key', () => peek().withEnvironment({ '': '1' })],
    ['env value not a string', () => peek().withEnvironment({ A: 1 as never })],
    ['container name', () => peek().withName('bad name')],
    ['hostname', () => peek().withHostname('bad_host!')],
    ['working dir', () => peek().withWorkingDir('relative')],
    ['tmpfs path', () => peek().withTmpFs({ relative: 'rw' })],
    ['negative startup timeout', () => peek().withStartupTimeout(-1)],
    ['restart policy name', () => peek().withRestartPolicy('sometimes' as never)],
    ['restart retries without on-failure', () => peek().withRestartPolicy('always', 2)],
    ['copy target', () => peek().withCopyContentToContainer([{ content: 'x', target: 'rel' }])],
    ['aliases without a network', () => validateSpec(peek().withNetworkAliases('a').recorded)],
    ['aliases on the default bridge', () => validateSpec(peek().withNetworkMode('bridge').withNetworkAliases('a').recorded)],
  ])('%s', (_name, act) => expect(act).toThrow(InvalidArgumentError));
});
