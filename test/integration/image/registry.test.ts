import { chmodSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import createDebug from 'debug';
import { ImageName, ImagePullError, ImagePushError, OperationAbortedError, PullPolicy, RegistryAuthError, pushImage, registryLogin, searchImages } from 'berth';
import { resetConfig } from '../../../src/config';
import { getEngine } from '../../../src/engine/engine';
import { enginePullCount } from '../../../src/engine/registry';
import { ensureImage } from '../../../src/image/ensure-image';
import { REGISTRY, PASSWORD, USER, TempDockerConfig, authsFor, docker, imageExists, removeImages, rejection, uniqueTag } from './registry-fixture';

const REPO = `${REGISTRY}/berth-test/debian`;
const TAG = uniqueTag();
const REF = `${REPO}:${TAG}`;
let digestRef = '';

async function pull(ref: string, policy = PullPolicy.defaultPolicy(), timeoutMs?: number): Promise<void> {
  await ensureImage(await getEngine(), ImageName.fromString(ref), { pullPolicy: policy, timeoutMs });
}

beforeAll(async () => {
  docker('tag', 'debian:bookworm', REF);
  using _config = new TempDockerConfig(authsFor(PASSWORD));
  await pushImage(REF);
  const digest = (JSON.parse(docker('image', 'inspect', REF)) as { RepoDigests: string[] }[])[0]!.RepoDigests.find((d) => d.startsWith(REPO));
  digestRef = digest!;
  removeImages(REF, digestRef);
});

afterAll(() => removeImages(REF, digestRef));

describe('push', () => {
  it('pushed the image: the registry lists it and gave it a digest', async () => {
    using _config = new TempDockerConfig(authsFor(PASSWORD));
    expect(digestRef).toMatch(new RegExp(`^${REPO.replace(/\./g, '\\.')}@sha256:[a-f0-9]{64}$`));
    const hits = await searchImages('berth-test', { registry: REGISTRY });
    expect(hits).toContainEqual({ name: REPO, description: '', stars: 0, official: false });
  });

  it('rejects without credentials with the engine message from the push stream', async () => {
    using _config = new TempDockerConfig();
    const ref = `${REPO}:${uniqueTag()}`;
    docker('tag', 'debian:bookworm', ref);
    try {
      const error = await rejection(pushImage(ref));
      expect(error).toBeInstanceOf(ImagePushError);
      expect(error).toMatchObject({ image: ref, registry: REGISTRY });
      expect(error.message).toMatch(/no basic auth credentials|unauthorized|authentication required/i);
    } finally {
      removeImages(ref);
    }
  });

  it('rejects a push of an image that does not exist locally', async () => {
    using _config = new TempDockerConfig(authsFor(PASSWORD));
    const error = await rejection(pushImage(`${REPO}:never-built-${uniqueTag()}`));
    expect(error).toBeInstanceOf(ImagePushError);
    expect(error.message).toMatch(/does not exist|no such image/i);
  });
});

describe('pull', () => {
  afterEach(() => removeImages(REF, digestRef));

  it('pulls with credentials from $DOCKER_CONFIG/config.json auths, and never logs them', async () => {
    using _config = new TempDockerConfig(authsFor(PASSWORD));
    const lines: string[] = [];
    const savedLog = createDebug.log;
    const savedNamespaces = createDebug.disable();
    createDebug.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    createDebug.enable('berth*');
    try {
      const before = enginePullCount();
      await pull(REF);
      expect(enginePullCount()).toBe(before + 1);
    } finally {
      createDebug.log = savedLog;
      createDebug.disable();
      if (savedNamespaces) createDebug.enable(savedNamespaces);
    }
    expect(imageExists(REF)).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain(`Credentials for ${REGISTRY} from`);
    expect(text).toMatch(/berth:pull .*Pulled 127\.0\.0\.1:5000\/berth-test\/debian:\S+ \([\d.]+ [kMG]?B in [\d.]+ s\)/);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
  });

  it('pulls with credentials from DOCKER_AUTH_CONFIG before the config file', async () => {
    using _config = new TempDockerConfig(authsFor('wrong-password'), authsFor(PASSWORD));
    await pull(REF);
    expect(imageExists(REF)).toBe(true);
  });

  it('pulls with credentials from a credential helper (credHelpers)', async () => {
    using config = new TempDockerConfig({ credHelpers: { [REGISTRY]: 'berthtest' }, ...authsFor('wrong-password') });
    const helper = path.join(config.dir, 'docker-credential-berthtest');
    writeFileSync(helper, `#!/bin/sh\nread server\necho "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"${USER}\\",\\"Secret\\":\\"${PASSWORD}\\"}"\n`);
    chmodSync(helper, 0o755);
    const savedPath = process.env['PATH'];
    process.env['PATH'] = `${config.dir}:${savedPath}`;
    resetConfig();
    try {
      await pull(REF);
    } finally {
      process.env['PATH'] = savedPath;
      resetConfig();
    }
    expect(imageExists(REF)).toBe(true);
  });

  it('rejects bad credentials with ImagePullError naming image, registry and the engine message', async () => {
    using _config = new TempDockerConfig(authsFor('wrong-password'));
    const error = await rejection(pull(REF));
    expect(error).toBeInstanceOf(ImagePullError);
    expect(error).toMatchObject({ image: REF, registry: REGISTRY });
    expect((error as ImagePullError).engineMessage).toMatch(/unauthorized|authentication required|401/i);
    expect(error.message).not.toContain('wrong-password');
  });

  it('rejects a missing tag with the engine message', async () => {
    using _config = new TempDockerConfig(authsFor(PASSWORD));
    const missing = `${REPO}:missing-${uniqueTag()}`;
    const error = await rejection(pull(missing));
    expect(error).toBeInstanceOf(ImagePullError);
    expect(error.message).toMatch(/not found|manifest unknown/i);
  });

  it('neverPull with a missing image fails at once without asking the registry', async () => {
    const before = enginePullCount();
    const started = Date.now();
    const error = await rejection(pull(REF, PullPolicy.neverPull()));
    expect(error).toBeInstanceOf(ImagePullError);
    expect(error.message).toMatch(/neverPull/);
    expect(enginePullCount()).toBe(before);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('pulls a digest reference', async () => {
    using _config = new TempDockerConfig(authsFor(PASSWORD));
    expect(imageExists(digestRef)).toBe(false);
    await pull(digestRef);
    expect(imageExists(digestRef)).toBe(true);
    // Present now: the default policy does not pull again.
    const before = enginePullCount();
    await pull(digestRef);
    expect(enginePullCount()).toBe(before);
  });

  it('rejects a registry that refuses connections, quickly', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const error = await rejection(pull(`127.0.0.1:${port}/nothing:1`));
    expect(error).toBeInstanceOf(ImagePullError);
    expect(error.message).toMatch(/connection refused|connect/i);
  });

  it('rejects a registry that never answers within the timeout', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const started = Date.now();
    try {
      const error = await rejection(pull(`127.0.0.1:${port}/silent:1`, PullPolicy.defaultPolicy(), 3_000));
      expect(error).toBeInstanceOf(ImagePullError);
      expect(error.message).toMatch(/no answer from the engine within 3000 ms/);
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('pull cancellation and image ids', () => {
  it('an abort ends a pull that is waiting for a silent registry', async () => {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const started = Date.now();
      const engine = await getEngine();
      const error = await rejection(
        ensureImage(engine, ImageName.fromString(`127.0.0.1:${port}/silent:2`), { pullPolicy: PullPolicy.defaultPolicy(), signal: controller.signal }),
      );
      expect(error).toBeInstanceOf(OperationAbortedError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('a missing image id is not pulled', async () => {
    const error = await rejection(pull('f'.repeat(64)));
    expect(error).toBeInstanceOf(ImagePullError);
    expect(error.message).toMatch(/cannot be pulled/);
  });
});

describe('registryLogin and searchImages', () => {
  it('rejects bad credentials with RegistryAuthError', async () => {
    using _config = new TempDockerConfig();
    const error = await rejection(registryLogin({ registry: REGISTRY, username: USER, password: 'wrong' }));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error.message).toMatch(/401/);
    expect(error.message).not.toContain('wrong"');
  });

  it('uses valid credentials for later pulls and catalog searches', async () => {
    using _config = new TempDockerConfig();
    await expect(searchImages('berth-test', { registry: REGISTRY })).rejects.toBeInstanceOf(RegistryAuthError);
    await registryLogin({ registry: REGISTRY, username: USER, password: PASSWORD });
    await pull(REF);
    expect(imageExists(REF)).toBe(true);
    const hits = await searchImages('BERTH-TEST/deb', { registry: REGISTRY, limit: 5 });
    expect(hits.map((h) => h.name)).toContain(REPO);
    expect(await searchImages('no-such-repository-here', { registry: `http://${REGISTRY}/` })).toEqual([]);
  });
});
