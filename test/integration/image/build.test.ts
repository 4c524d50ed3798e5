import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import createDebug from 'debug';
import {
  GenericContainer,
  GenericContainerBuilder,
  ImageBuildError,
  ImagePullError,
  LABEL_TESTCONTAINERS,
  LABEL_TESTCONTAINERS_SESSION_ID,
  PullPolicy,
  pushImage,
} from 'berth';
import { getSessionId } from '../../../src/reaper/session';
import { trackedResources, untrackResource } from '../../../src/reaper/tracker';
import { PASSWORD, REGISTRY, TempDockerConfig, authsFor, docker, imageExists, removeImages, rejection, uniqueTag } from './registry-fixture';

const built: string[] = [];
const dirs: string[] = [];

/** A temp folder with `files` (path → content). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-build-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function name(): string {
  const n = `localhost/berth-build-test:${uniqueTag()}`;
  built.push(n);
  return n;
}

/** Files under `dir` in an image, sorted (read with a throwaway `docker run`). */
function filesIn(image: string, dir: string): string[] {
  return docker('run', '--rm', image, 'find', dir, '-type', 'f').split('\n').map((f) => f.slice(dir.length + 1)).sort();
}

function labelsOf(image: string): Record<string, string> {
  return (JSON.parse(docker('image', 'inspect', image)) as { Config: { Labels: Record<string, string> } }[])[0]!.Config.Labels;
}

afterAll(() => {
  // deleteOnExit images would be removed by the session cleanup at exit; remove them now instead.
  for (const ref of built) {
    try {
      untrackResource('image', (JSON.parse(docker('image', 'inspect', ref)) as { Id: string }[])[0]!.Id);
    } catch {
      // not built
    }
  }
  removeImages(...built);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('GenericContainer.fromDockerfile', () => {
  it('packs the context with Docker\'s .dockerignore rules (*, ?, **, ! exceptions, comments)', async () => {
    const context = folder({
      Dockerfile: 'FROM debian:bookworm\nCOPY . /ctx/\n',
      '.dockerignore': [
        '# a comment: not a pattern',
        '*.log',
        '!keep.log',
        'tmp?',
        'docs/**/*.md',
        '!docs/keep/**',
        'secret',
        'node_modules/',
        '  ',
        '**/*.bak',
      ].join('\n'),
      'a.txt': 'a',
      'b.log': 'b',
      'keep.log': 'k',
      tmp1: 't',
      tmpAB: 't',
      '# a comment: not a pattern': 'file named like the comment',
      'docs/x.md': 'x',
      'docs/sub/y.md': 'y',
      'docs/sub/z.txt': 'z',
      'docs/keep/k.md': 'k',
      'secret/s.txt': 's',
      'node_modules/m.js': 'm',
      'sub/c.log': 'c',
      'sub/deep/d.bak': 'd',
      'e.bak': 'e',
    });
    const image = name();
    await GenericContainer.fromDockerfile(context).build(image);
    expect(filesIn(image, '/ctx')).toEqual([
      '# a comment: not a pattern',
      '.dockerignore',
      'Dockerfile',
      'a.txt',
      'docs/keep/k.md',
      'docs/sub/z.txt',
      'keep.log',
      'sub/c.log',
      'tmpAB',
    ]);
  });

  it('re-includes a file inside an excluded folder', async () => {
    const context = folder({
      Dockerfile: 'FROM debian:bookworm\nCOPY . /ctx/\n',
      '.dockerignore': 'vendor\n!vendor/keep/me.txt\nDockerfile\n.dockerignore\n',
      'vendor/a.txt': 'a',
      'vendor/keep/me.txt': 'me',
      'vendor/keep/not.txt': 'n',
      'app.txt': 'app',
    });
    const image = name();
    await GenericContainer.fromDockerfile(context).build(image);
    // Docker sends the Dockerfile and .dockerignore but keeps them out of COPY when .dockerignore lists them.
    expect(filesIn(image, '/ctx')).toEqual(['app.txt', 'vendor/keep/me.txt']);
  });

  it('builds with a Dockerfile outside the context (-f) without copying it', async () => {
    const context = folder({ 'app.txt': 'app', '.dockerignore': 'ignored.txt\n', 'ignored.txt': 'no' });
    const elsewhere = folder({ 'build.Dockerfile': 'FROM debian:bookworm\nCOPY . /ctx/\n' });
    const image = name();
    await GenericContainer.fromDockerfile(context, path.join(elsewhere, 'build.Dockerfile')).build(image);
    expect(filesIn(image, '/ctx')).toEqual(['.dockerignore', 'app.txt']);
  });

  it('builds with a Dockerfile in a subfolder of the context, build args and a target stage', async () => {
    const context = folder({
      'docker/app.Dockerfile': [
        'ARG BASE=debian:bookworm',
        'FROM ${BASE} AS first',
        'ARG GREETING=default',
        'RUN echo "$GREETING" > /greeting',
        'FROM first AS second',
        'RUN echo second > /second',
      ].join('\n'),
    });
    const image = name();
    await GenericContainer.fromDockerfile(context, 'docker/app.Dockerfile').withBuildArgs({ GREETING: 'hello' }).withTarget('first').build(image);
    expect(docker('run', '--rm', image, 'cat', '/greeting')).toBe('hello');
    expect(() => docker('run', '--rm', image, 'cat', '/second')).toThrow();
  });

  it.each([
    ['classic builder', false, 'RUN echo before-the-failure && exit 100'],
    ['BuildKit', true, '[2/2] RUN echo before-the-failure && exit 100'],
  ])('rejects a failing RUN with ImageBuildError: step, output and exit code (%s)', async (_builder, buildkit, step) => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nRUN echo before-the-failure && exit 100\n' });
    const image = name();
    const builder = GenericContainer.fromDockerfile(context).withCache(false);
    if (buildkit) builder.withBuildkit();
    const error = await rejection(builder.build(image));
    expect(error).toBeInstanceOf(ImageBuildError);
    expect(error).toMatchObject({ image, step, exitCode: 100 });
    expect((error as ImageBuildError).outputLines).toContain('before-the-failure');
    expect(error.message).toContain('exit code 100');
    expect(imageExists(image)).toBe(false);
  });

  it('builds with BuildKit', async () => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nCOPY a.txt /a.txt\nRUN echo built-by-buildkit > /b\n', 'a.txt': 'a' });
    const image = name();
    await GenericContainer.fromDockerfile(context).withBuildkit().build(image);
    expect(docker('run', '--rm', image, 'cat', '/a.txt', '/b')).toBe('abuilt-by-buildkit');
  });

  it('labels the image with berth\'s labels, and with the session only when deleteOnExit', async () => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nLABEL own=label\n' });
    const withSession = name();
    await GenericContainer.fromDockerfile(context).build(withSession);
    expect(labelsOf(withSession)).toMatchObject({ own: 'label', [LABEL_TESTCONTAINERS]: 'true', [LABEL_TESTCONTAINERS_SESSION_ID]: getSessionId() });
    expect(trackedResources()).toContainEqual(expect.objectContaining({ kind: 'image', name: withSession }));

    const kept = name();
    await GenericContainer.fromDockerfile(context).build(kept, { deleteOnExit: false });
    expect(labelsOf(kept)[LABEL_TESTCONTAINERS]).toBe('true');
    expect(labelsOf(kept)[LABEL_TESTCONTAINERS_SESSION_ID]).toBeUndefined();
    expect(trackedResources()).not.toContainEqual(expect.objectContaining({ name: kept }));
  });

  it('streams build output to berth:build', async () => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nRUN echo streamed-line\n' });
    const lines: string[] = [];
    const savedLog = createDebug.log;
    const saved = createDebug.disable();
    createDebug.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    createDebug.enable('berth:build');
    try {
      await GenericContainer.fromDockerfile(context).withCache(false).build(name());
    } finally {
      createDebug.log = savedLog;
      createDebug.disable();
      if (saved) createDebug.enable(saved);
    }
    const text = lines.join('\n');
    expect(text).toMatch(/Step 1\/\d+ : FROM debian:bookworm/);
    expect(text).toContain('streamed-line');
  });

  it('returns a GenericContainer for the built image', async () => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nRUN echo ok > /ok\nCMD ["sleep", "infinity"]\n' });
    const container = await GenericContainer.fromDockerfile(context).build(name());
    await using started = await container.start();
    const result = await started.exec(['cat', '/ok']);
    expect(result.output.trim()).toBe('ok');
  });

  it('names the image localhost/<uuid>:<uuid> from the Uuid given to the constructor (testcontainers signature)', async () => {
    const context = folder({ Dockerfile: 'FROM debian:bookworm\nRUN true\n' });
    const ids = [uniqueTag(), uniqueTag()];
    const expected = `localhost/${ids[0]}:${ids[1]}`;
    built.push(expected);
    let next = 0;
    await new GenericContainerBuilder(context, 'Dockerfile', { nextUuid: () => ids[next++]! }).build();
    expect(imageExists(expected)).toBe(true);
  });

  describe('base images from the private registry', () => {
    const base = `${REGISTRY}/berth-test/base:${uniqueTag()}`;
    const context = (): string => folder({ Dockerfile: `ARG BASE\nFROM \${BASE}\nRUN echo on-private-base > /x\n` });

    beforeAll(async () => {
      using _config = new TempDockerConfig(authsFor(PASSWORD));
      docker('tag', 'debian:bookworm', base);
      await pushImage(base);
    });
    beforeEach(() => removeImages(base));
    afterAll(() => removeImages(base));

    it('pulls a FROM image that needs credentials with them', async () => {
      using _config = new TempDockerConfig(authsFor(PASSWORD));
      const image = name();
      await GenericContainer.fromDockerfile(context()).withBuildArgs({ BASE: base }).build(image);
      expect(docker('run', '--rm', image, 'cat', '/x')).toBe('on-private-base');
    });

    it('fails with the engine message when the FROM image needs credentials and has none', async () => {
      using _config = new TempDockerConfig();
      const error = await rejection(GenericContainer.fromDockerfile(context()).withBuildArgs({ BASE: base }).build(name()));
      expect(error).toBeInstanceOf(ImageBuildError);
      expect(error.message).toMatch(/no basic auth credentials|unauthorized|authentication required/i);
    });

    it('neverPull with a missing FROM image fails before building', async () => {
      using _config = new TempDockerConfig(authsFor(PASSWORD));
      const error = await rejection(GenericContainer.fromDockerfile(context()).withBuildArgs({ BASE: base }).withPullPolicy(PullPolicy.neverPull()).build(name()));
      expect(error).toBeInstanceOf(ImagePullError);
      expect(error).toMatchObject({ image: base, registry: REGISTRY });
      expect(imageExists(base)).toBe(false);
    });
  });
});
