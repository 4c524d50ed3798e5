import { toCreateRequest } from '../../../src/container/create-options';
import { createSpec, type ContainerSpec } from '../../../src/container/container-spec';
import { ImageName } from '../../../src/image/image-name';

function spec(edit: (s: ContainerSpec) => void = () => undefined): ContainerSpec {
  const s = createSpec(ImageName.fromString('redis:7'));
  edit(s);
  return s;
}
const local = { engineIsLocal: true, extraLabels: {} };
const remote = { engineIsLocal: false, extraLabels: {} };

describe('toCreateRequest (spec → Engine create options)', () => {
  const cases: [string, ContainerSpec, typeof local, (r: ReturnType<typeof toCreateRequest>) => void][] = [
    ['image only', spec(), local, (r) => expect(r).toEqual({ body: { Image: 'redis:7', Labels: {}, HostConfig: {} } })],
    ['command and entrypoint', spec((s) => ((s.command = ['a', 'b c']), (s.entrypoint = ['/e']))), local, (r) => {
      expect(r.body.Cmd).toEqual(['a', 'b c']);
      expect(r.body.Entrypoint).toEqual(['/e']);
    }],
    ['name without slash, platform', spec((s) => ((s.name = '/n1'), (s.platform = 'linux/amd64'))), local, (r) => {
      expect(r.name).toBe('n1');
      expect(r.platform).toBe('linux/amd64');
    }],
    ['environment as K=V', spec((s) => (s.environment = { A: '1', B: 'x=y' })), local, (r) => expect(r.body.Env).toEqual(['A=1', 'B=x=y'])],
    ['berth labels win over user labels', spec((s) => (s.labels = { a: '1', 'org.testcontainers': 'no' })), { engineIsLocal: true, extraLabels: { 'org.testcontainers': 'true' } }, (r) =>
      expect(r.body.Labels).toEqual({ a: '1', 'org.testcontainers': 'true' })],
    ['ports: local engine publishes on 127.0.0.1, random host port', spec((s) => (s.exposedPorts = [6379, '53/udp', { container: 80, host: 8080 }])), local, (r) => {
      expect(r.body.ExposedPorts).toEqual({ '6379/tcp': {}, '53/udp': {}, '80/tcp': {} });
      expect(r.body.HostConfig.PortBindings).toEqual({
        '6379/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
      });
    }],
    ['ports: remote engine publishes on all interfaces', spec((s) => (s.exposedPorts = ['6379/TCP' as never])), remote, (r) =>
      expect(r.body.HostConfig.PortBindings).toEqual({ '6379/tcp': [{ HostIp: '', HostPort: '' }] })],
    ['bind mounts, volume mounts, volumes-from, links', spec((s) => {
      s.bindMounts = [{ source: '/h', target: '/c' }, { source: '/h2', target: '/c2', mode: 'ro' }];
      s.volumeMounts = [{ source: 'vol', target: '/v', mode: 'ro' }];
      s.volumesFrom = ['other:ro'];
      s.links = ['db:database'];
    }), local, (r) => {
      expect(r.body.HostConfig.Binds).toEqual(['/h:/c:rw', '/h2:/c2:ro', 'vol:/v:ro']);
      expect(r.body.HostConfig.VolumesFrom).toEqual(['other:ro']);
      expect(r.body.HostConfig.Links).toEqual(['db:database']);
    }],
    ['tmpfs, ulimits, security, capabilities, ipc, shm, privileged, log driver', spec((s) => {
      s.tmpFs = { '/t': 'rw,size=1m' };
      s.ulimits = [{ name: 'nofile', soft: 10, hard: 20 }];
      s.securityOpt = ['no-new-privileges'];
      s.capAdd = ['NET_ADMIN'];
      s.capDrop = ['MKNOD'];
      s.ipcMode = 'host';
      s.sharedMemorySize = 1024;
      s.privileged = true;
      s.defaultLogDriver = true;
    }), local, (r) => expect(r.body.HostConfig).toEqual({
      Tmpfs: { '/t': 'rw,size=1m' },
      Ulimits: [{ Name: 'nofile', Soft: 10, Hard: 20 }],
      SecurityOpt: ['no-new-privileges'],
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['MKNOD'],
      IpcMode: 'host',
      ShmSize: 1024,
      Privileged: true,
      LogConfig: { Type: 'json-file', Config: {} },
    })],
    ['resources quota: memory GiB (ceil), cpu cores → NanoCpus', spec((s) => (s.resourcesQuota = { memory: 0.5, cpu: 1.5 })), local, (r) => {
      expect(r.body.HostConfig.Memory).toBe(536870912);
      expect(r.body.HostConfig.NanoCpus).toBe(1_500_000_000);
    }],
    ['health check in ms → ns', spec((s) => (s.healthCheck = { test: ['CMD-SHELL', 'true'], interval: 1000, timeout: 2000, retries: 3, startPeriod: 500 })), local, (r) =>
      expect(r.body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 1e9, Timeout: 2e9, Retries: 3, StartPeriod: 5e8 })],
    ['network mode and aliases on that one network', spec((s) => ((s.networkMode = 'net1'), (s.networkAliases = ['a', 'b']))), local, (r) => {
      expect(r.body.HostConfig.NetworkMode).toBe('net1');
      expect(r.body.NetworkingConfig).toEqual({ EndpointsConfig: { net1: { Aliases: ['a', 'b'] } } });
    }],
    ['extra hosts', spec((s) => (s.extraHosts = [{ host: 'h', ipAddress: '10.0.0.1' }])), local, (r) => expect(r.body.HostConfig.ExtraHosts).toEqual(['h:10.0.0.1'])],
    ['tty, open stdin, user, working dir, hostname', spec((s) => ((s.tty = true), (s.openStdin = true), (s.user = '1000'), (s.workingDir = '/w'), (s.hostname = 'box'))), local, (r) =>
      expect(r.body).toMatchObject({ Tty: true, OpenStdin: true, User: '1000', WorkingDir: '/w', Hostname: 'box' })],
    ['restart policy', spec((s) => (s.restartPolicy = { name: 'on-failure', maximumRetryCount: 3 })), local, (r) =>
      expect(r.body.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 })],
  ];
  it.each(cases)('%s', (_name, input, context, check) => check(toCreateRequest(input, context)));

  it('is pure: the same spec maps to the same request', () => {
    const s = spec((x) => (x.exposedPorts = [1, 2]));
    expect(toCreateRequest(s, local)).toEqual(toCreateRequest(s, local));
  });
});
