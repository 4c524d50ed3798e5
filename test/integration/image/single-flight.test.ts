import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ImageName, PullPolicy, pushImage } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { enginePullCount } from '../../../src/engine/registry';
import { ensureImage } from '../../../src/image/ensure-image';
import { PASSWORD, REGISTRY, TempDockerConfig, authsFor, docker, enginePullEvents, eventClock, imageExists, removeImages, uniqueTag } from './registry-fixture';

const run = promisify(execFile);
const REF = `${REGISTRY}/berth-test/single-flight:${uniqueTag()}`;
const ROOT = path.resolve(__dirname, '../../..');

let config: TempDockerConfig;

beforeAll(async () => {
  config = new TempDockerConfig(authsFor(PASSWORD));
  docker('tag', 'debian:bookworm', REF);
  await pushImage(REF);
});

beforeEach(() => removeImages(REF));

afterAll(() => {
  removeImages(REF);
  config[Symbol.dispose]();
});

async function ensure(policy = PullPolicy.defaultPolicy()): Promise<void> {
  await ensureImage(await getEngine(), ImageName.fromString(REF), { pullPolicy: policy });
}

describe('single flight', () => {
  it.each([
    ['defaultPolicy', PullPolicy.defaultPolicy()],
    ['alwaysPull', PullPolicy.alwaysPull()],
  ])('8 concurrent ensureImage calls in one process (%s) make one engine pull', async (_name, policy) => {
    const since = eventClock();
    const before = enginePullCount();
    await Promise.all(Array.from({ length: 8 }, () => ensure(policy)));
    expect(enginePullCount() - before).toBe(1);
    expect(imageExists(REF)).toBe(true);
    expect(enginePullEvents(REF, since)).toBe(1);
  });

  it('3 processes pulling the same image at once make one engine pull between them', async () => {
    const since = eventClock();
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const worker = path.join(__dirname, 'pull-worker.ts');
    const env = { ...process.env, DOCKER_CONFIG: config.dir };
    const startAt = String(Date.now() + 6_000);
    const results = await Promise.all(
      [0, 1, 2].map(() => run(tsx, [worker, REF, 'default', startAt], { cwd: ROOT, env, timeout: 60_000 })),
    );
    const pulls = results.map((r) => (JSON.parse(r.stdout) as { pulls: number }).pulls);
    expect(pulls.reduce((a, b) => a + b, 0)).toBe(1);
    expect(imageExists(REF)).toBe(true);
    expect(enginePullEvents(REF, since)).toBe(1);
  });
});
