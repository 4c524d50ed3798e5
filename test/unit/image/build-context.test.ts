import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract } from 'tar-stream';
import { InvalidArgumentError } from 'berth';
import { contextEntries, packBuildContext } from '../../../src/image/build-context';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-ctx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function files(list: string[]): void {
  for (const rel of list) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), rel);
  }
}

async function tarContents(stream: NodeJS.ReadableStream): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ex = extract();
  ex.on('entry', (header, body, next) => {
    let text = '';
    body.on('data', (c: unknown) => (text += String(c)));
    body.on('end', () => {
      if (header.type === 'file') out[header.name] = text;
      expect(header.uid).toBe(0);
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve);
    ex.on('error', reject);
    stream.pipe(ex);
  });
  return out;
}

describe('contextEntries (.dockerignore with Docker\'s rules)', () => {
  const cases: [string, string[], string[]][] = [
    ['no patterns: everything', [], ['a', 'd', 'd/b', 'd/e', 'd/e/b']],
    ['* at the root excludes folders and their content too', ['*'], []],
    ['* does not cross /', ['*/b'], ['a', 'd', 'd/e', 'd/e/b']],
    ['** matches any depth', ['**/b'], ['a', 'd', 'd/e']],
    ['? matches one character', ['?/b'], ['a', 'd', 'd/e', 'd/e/b']],
    ['a folder excludes its content', ['d'], ['a']],
    ['! re-includes, later lines win', ['*', '!a'], ['a']],
    ['! before the rule it excepts is overridden', ['!a', '*'], []],
    ['! inside an excluded folder keeps its parents', ['d', '!d/e/b'], ['a', 'd', 'd/e', 'd/e/b']],
    ['leading / and ./ are the root', ['/a', './d/b'], ['d', 'd/e', 'd/e/b']],
  ];
  it.each(cases)('%s', async (_name, patterns, expected) => {
    files(['a', 'd/b', 'd/e/b']);
    expect((await contextEntries(dir, patterns)).filter((e) => e !== '.dockerignore')).toEqual(expected);
  });

  it('always sends the Dockerfile and .dockerignore', async () => {
    files(['Dockerfile', '.dockerignore', 'x']);
    expect(await contextEntries(dir, ['*'], 'Dockerfile')).toEqual(['.dockerignore', 'Dockerfile']);
  });
});

describe('packBuildContext', () => {
  it('packs a Dockerfile outside the context under a generated name that the sent .dockerignore lists', async () => {
    files(['app.txt', 'skip.txt']);
    writeFileSync(path.join(dir, '.dockerignore'), 'skip.txt\n');
    const other = mkdtempSync(path.join(tmpdir(), 'berth-df-'));
    try {
      writeFileSync(path.join(other, 'Dockerfile'), 'FROM scratch\n');
      const packed = await packBuildContext(dir, path.join(other, 'Dockerfile'));
      expect(packed.dockerfile).toMatch(/^\.berth-dockerfile-[a-f0-9]{12}$/);
      const contents = await tarContents(packed.tar);
      expect(Object.keys(contents).sort()).toEqual(['.dockerignore', packed.dockerfile, 'app.txt'].sort());
      expect(contents[packed.dockerfile]).toBe('FROM scratch\n');
      expect(contents['.dockerignore']).toBe(`skip.txt\n${packed.dockerfile}\n`);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('packs a Dockerfile in a subfolder where it is', async () => {
    files(['docker/app.Dockerfile', 'a']);
    const packed = await packBuildContext(dir, 'docker/app.Dockerfile');
    expect(packed.dockerfile).toBe('docker/app.Dockerfile');
    expect(Object.keys(await tarContents(packed.tar)).sort()).toEqual(['a', 'docker/app.Dockerfile']);
  });

  it('rejects a missing context or Dockerfile before anything is sent', async () => {
    await expect(packBuildContext(path.join(dir, 'nope'), 'Dockerfile')).rejects.toThrow(InvalidArgumentError);
    await expect(packBuildContext(dir, 'Dockerfile')).rejects.toThrow(/Invalid Dockerfile/);
  });
});
