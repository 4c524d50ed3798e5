// The exact public names the issues give, checked by the type checker (`npm run typecheck` covers
// test/) and, for runtime names, by this test. Nothing here touches the engine: the functions are
// only referenced, never called.
import {
  ContainerStartError,
  GenericContainer,
  Network,
  PullPolicy,
  Volume,
  Wait,
  WaitTimeoutError,
  listContainers,
  pushImage,
  registryLogin,
  searchImages,
  type StartedGenericContainer,
  type StartedNetwork,
  type StartedTestContainer,
  type StartedVolume,
} from 'berth';
import { RedisContainer, type StartedRedisContainer } from 'berth/redis';

// Issue 3: the docker run / ps / inspect / diff / logs / stop / rm / commit workflow.
export function issue3(target: StartedTestContainer, volume: StartedVolume): GenericContainer {
  return new GenericContainer('debian:bookworm')
    .withName('box')
    .withHostname('box')
    .withTty()
    .withOpenStdin()
    .withRestartPolicy('on-failure', 3)
    .withLink(target, 'db')
    .withVolumeMount(volume, '/data', 'ro')
    .withVolumesFrom(target, 'ro')
    .withBindMounts([{ source: '/tmp', target: '/host', mode: 'ro' }]);
}
export async function issue3Started(c: StartedGenericContainer): Promise<void> {
  const view = await c.inspect();
  const states: string[] = [view.state.status, String(view.state.running), String(view.state.exitCode)];
  void states;
  await c.pause();
  await c.unpause();
  const changes: Array<{ path: string; kind: 'added' | 'changed' | 'deleted' }> = await c.diff();
  void changes;
  await c.logs({ follow: false, stdout: true, stderr: false });
  await c.commit({ repo: 'r', tag: 't', changes: ['CMD ["true"]'], deleteOnExit: true });
  await c.stop({ remove: false });
  await listContainers({ all: true });
}

// Issue 4: readiness.
export async function issue4(signal: AbortSignal): Promise<void> {
  await new GenericContainer('redis:7')
    .withWaitStrategy(
      Wait.forAll([
        Wait.forListeningPorts(),
        Wait.forLogMessage(/Ready/, 1),
        Wait.forHttp('/', 80, { abortOnContainerExit: true }).forStatusCode(200).usingTls().allowInsecure(),
      ]).withDeadline(1000),
    )
    .withStartupTimeout(1000)
    .start({ signal });
}

// Issue 5: images and registries.
export async function issue5(): Promise<void> {
  const built = await GenericContainer.fromDockerfile('ctx', 'Dockerfile')
    .withBuildArgs({ A: '1' })
    .withTarget('t')
    .withCache(false)
    .withPullPolicy(PullPolicy.alwaysPull())
    .withPlatform('linux/amd64')
    .withBuildkit()
    .build('app:1', { deleteOnExit: false });
  void built.withPullPolicy(PullPolicy.neverPull()).withPullPolicy(PullPolicy.defaultPolicy());
  await registryLogin({ registry: '127.0.0.1:5000', username: 'u', password: 'p' });
  const found: Array<{ name: string; description: string; stars: number; official: boolean }> = await searchImages('x', {
    limit: 5,
    registry: '127.0.0.1:5000',
  });
  void found;
  await pushImage('127.0.0.1:5000/app:1');
}

// Issue 6: networks, volumes, backups, Redis.
export async function issue6(c: StartedGenericContainer, network: StartedNetwork): Promise<void> {
  await new Network({ name: 'n', internal: true, labels: { a: 'b' } }).start();
  await c.connectToNetwork(network, { aliases: ['db'] });
  await c.disconnectFromNetwork(network);
  const volume = await new Volume('v').withLabels({ a: 'b' }).withDriver('local', { type: 'tmpfs' }).start();
  void volume.getName();
  await volume.backupTo('/tmp/v.tar');
  await volume.restoreFrom('/tmp/v.tar');
  await volume.remove();
  const redis: StartedRedisContainer = await new RedisContainer('redis:7')
    .withPassword('pw')
    .withPersistence('/tmp/data')
    .withInitialDump('/tmp/dump.rdb')
    .start();
  const facts: Array<number | string> = [redis.getPort(), redis.getPassword(), redis.getConnectionUrl()];
  void facts;
  await redis.executeCliCmd('GET', ['Message']);
  await redis.backupTo('/tmp/dump.rdb');
}

it('exports the runtime names the issues give', () => {
  for (const value of [GenericContainer, Network, Volume, Wait, PullPolicy, RedisContainer, listContainers, registryLogin, searchImages, pushImage]) {
    expect(typeof value).toBe('function');
  }
  expect(new ContainerStartError('x', { image: 'i' })).toBeInstanceOf(Error);
  expect(new WaitTimeoutError('s', 1, { image: 'i' })).toBeInstanceOf(Error);
});
