import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Builds the package the way `npm run build` does, into a throwaway copy of the package, and uses it
 * from a consumer project the way users do: `require`, `import`, `tsc` on the types, and Jest.
 * Nothing here touches the repo's own dist/.
 */
const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
// Public names that must exist at runtime (types are checked by the consumer's tsc run).
const RUNTIME_NAMES = ['GenericContainer', 'EngineUnavailableError', 'BerthError', 'Wait', 'getEngineInfo', 'ImageName', 'PullPolicy'];

let work: string;
let buildErrors: string;
let pkg: string;
let app: string;

async function node(args: string[], cwd = app): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, args, { cwd, timeout: 30_000 });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'berth-packaging-'));
  pkg = path.join(work, 'berth');
  app = path.join(work, 'app');
  mkdirSync(pkg);
  cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'), 'dir');
  // `npm run build` = tsc -p tsconfig.build.json + the ESM wrappers, here with another outDir.
  // Their failures are asserted by the first test; the others still check what was emitted.
  buildErrors = '';
  await run(path.join(BIN, 'tsc'), ['-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(pkg, 'dist')], {
    cwd: ROOT,
    timeout: 120_000,
  }).catch((error: { stdout?: string; message?: string }) => {
    buildErrors += `tsc -p tsconfig.build.json failed:\n${error.stdout ?? error.message ?? ''}\n`;
  });
  await node([path.join(ROOT, 'scripts', 'write-esm-wrappers.js'), path.join(pkg, 'dist')], ROOT).catch((error: Error) => {
    buildErrors += `write-esm-wrappers failed: ${error.message}\n`;
  });
  mkdirSync(path.join(app, 'node_modules'), { recursive: true });
  symlinkSync(pkg, path.join(app, 'node_modules', 'berth'), 'dir');
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 150_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built package', () => {
  it('builds: tsc -p tsconfig.build.json and the ESM wrappers succeed', () => {
    expect(buildErrors).toBe('');
  });

  it('loads from CommonJS require("berth") with the public names', async () => {
    const { stdout } = await node(['-e', `const b = require('berth'); console.log(JSON.stringify(Object.keys(b)))`]);
    const names = JSON.parse(stdout) as string[];
    expect(names).toEqual(expect.arrayContaining(RUNTIME_NAMES));
  });

  it('loads from ESM import { GenericContainer } from "berth", sharing the CommonJS instance', async () => {
    const script = `
      import { GenericContainer, EngineUnavailableError } from 'berth';
      import * as all from 'berth';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('berth');
      console.log(JSON.stringify({ names: Object.keys(all), same: GenericContainer === cjs.GenericContainer && EngineUnavailableError === cjs.EngineUnavailableError }));`;
    const { stdout } = await node(['--input-type=module', '-e', script]);
    const result = JSON.parse(stdout) as { names: string[]; same: boolean };
    expect(result.names).toEqual(expect.arrayContaining(RUNTIME_NAMES));
    expect(result.same).toBe(true);
  });

  it('resolves its own name from inside the package (self-reference), for require and import', async () => {
    const cjs = await node(['-e', `console.log(typeof require('berth').GenericContainer)`], pkg);
    expect(cjs.stdout.trim()).toBe('function');
    const esm = await node(['--input-type=module', '-e', `import { GenericContainer } from 'berth'; console.log(typeof GenericContainer)`], pkg);
    expect(esm.stdout.trim()).toBe('function');
  });

  it('names the public entry points in its exports map', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(manifest.exports)).toEqual(['.', './redis', './jest', './package.json']);
  });

  // The entry points written by other domains: checked once their source exists.
  it.each([
    ['berth/redis', 'src/modules/redis/index.ts'],
    ['berth/jest', 'src/jest/index.ts'],
  ])('%s loads from require and import with the same names', async (specifier, source) => {
    if (!existsSync(path.join(ROOT, source))) {
      process.stderr.write(`packaging: ${source} does not exist yet, ${specifier} not checked\n`);
      return;
    }
    const cjs = await node(['-e', `console.log(JSON.stringify(Object.keys(require('${specifier}')).sort()))`]);
    const esm = await node(['--input-type=module', '-e', `import * as m from '${specifier}'; console.log(JSON.stringify(Object.keys(m).sort()))`]);
    const names = JSON.parse(cjs.stdout) as string[];
    expect(names.length).toBeGreaterThan(0);
    expect(JSON.parse(esm.stdout)).toEqual(names);
  });

  it('packs the build, the ESM wrappers and the types, and no sources or tests', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, timeout: 60_000 });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((f) => f.path) ?? [];
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/esm/index.mjs', 'dist/labels.js']));
    expect(files.filter((f) => /^(src|test|examples|bench|scripts)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('blocks deep imports and lets package.json through', async () => {
    const script = `
      const out = {};
      for (const spec of ['berth/dist/index.js', 'berth/dist/errors', 'berth/src/index.ts']) {
        try { require(spec); out[spec] = 'loaded'; } catch (e) { out[spec] = e.code; }
      }
      out.version = require('berth/package.json').version;
      console.log(JSON.stringify(out));`;
    const { stdout } = await node(['-e', script]);
    expect(JSON.parse(stdout)).toEqual({
      'berth/dist/index.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      'berth/dist/errors': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      'berth/src/index.ts': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
    });
  });

  it('ships types: tsc type-checks a consumer that uses them through the package name, and rejects misuse', async () => {
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        // A plain Node consumer: @types/node, no dockerode types, and berth's own declarations checked too.
        compilerOptions: {
          strict: true,
          module: 'node16',
          moduleResolution: 'node16',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['good.ts'],
      }),
    );
    writeFileSync(
      path.join(app, 'good.ts'),
      [
        "import { EngineUnavailableError, getEngineInfo, isBerthError, type ConnectedEngineInfo, type EngineAttempt } from 'berth';",
        'export async function where(): Promise<string> {',
        '  try {',
        '    const info: ConnectedEngineInfo = await getEngineInfo();',
        '    return `${info.host} ${info.apiVersion}`;',
        '  } catch (error) {',
        '    if (error instanceof EngineUnavailableError) return error.attempts.map((a: EngineAttempt) => a.reason).join();',
        '    return isBerthError(error) ? error.message : String(error);',
        '  }',
        '}',
        ...(existsSync(path.join(ROOT, 'src/modules/redis/index.ts'))
          ? ["import { RedisContainer } from 'berth/redis';", "export const redis = new RedisContainer('redis:7');"]
          : []),
      ].join('\n'),
    );
    const ok = await run(path.join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: app, timeout: 60_000 }).then(
      () => '',
      (error: { stdout?: string; message?: string }) => error.stdout ?? error.message ?? 'tsc failed',
    );
    expect(ok).toBe('');
    writeFileSync(path.join(app, 'good.ts'), "import { getEngineInfo } from 'berth';\nexport const n: number = getEngineInfo();\n");
    const failed = (await run(path.join(BIN, 'tsc'), ['-p', 'tsconfig.json'], { cwd: app }).catch((e: unknown) => e)) as { stdout: string };
    expect(failed.stdout).toMatch(/TS2322/);
  });

  it('loads under Jest (CommonJS) in the consumer project', async () => {
    writeFileSync(
      path.join(app, 'consumer.test.js'),
      "const { GenericContainer, BerthError } = require('berth');\n" +
        "test('berth loads', () => { expect(typeof GenericContainer).toBe('function'); expect(new BerthError('x')).toBeInstanceOf(Error); });\n",
    );
    writeFileSync(path.join(app, 'jest.config.js'), "module.exports = { testEnvironment: 'node', transform: {} };\n");
    const { stderr } = await node([path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--rootDir', app], app);
    expect(stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  });
});
