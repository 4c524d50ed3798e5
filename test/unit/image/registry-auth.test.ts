import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidArgumentError, RegistryAuthError } from 'berth';
import { keyMatchesRegistry, registryHostOf } from '../../../src/image/docker-config';
import { resetConfig } from '../../../src/config';
import { getRegistryAuth, type AuthSources } from '../../../src/image/registry-auth';
import { findExecutable, runCredentialHelper } from '../../../src/image/credential-helper';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-auth-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function sources(file: object | undefined, inline?: object, helpers: Record<string, { Username: string; Secret: string }> = {}): AuthSources & { calls: string[] } {
  if (file) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(file));
  const calls: string[] = [];
  return {
    configDir: dir,
    inlineConfig: inline ? JSON.stringify(inline) : undefined,
    calls,
    runHelper: (helper, serverUrl) => {
      calls.push(`${helper} ${serverUrl}`);
      return Promise.resolve(helpers[helper]);
    },
  };
}

describe('registry keys', () => {
  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['Registry.Example.com/v2/', 'registry.example.com'],
  ])('host of %s is %s', (key, host) => expect(registryHostOf(key)).toBe(host));

  it.each([
    ['https://index.docker.io/v1/', 'docker.io', true],
    ['docker.io', 'docker.io', true],
    ['registry-1.docker.io', 'docker.io', true],
    ['127.0.0.1:5000', '127.0.0.1:5000', true],
    ['https://127.0.0.1:5000', '127.0.0.1:5000', true],
    ['127.0.0.1:5001', '127.0.0.1:5000', false],
    ['quay.io', 'docker.io', false],
  ])('%s denotes %s: %s', (key, registry, expected) => expect(keyMatchesRegistry(key, registry)).toBe(expected));
});

describe('getRegistryAuth', () => {
  it('reads auths: base64 auth, username/password and identity tokens', async () => {
    const s = sources({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hub:pw:with:colons') },
        'a.example': { username: 'u', password: 'p' },
        'b.example': { identitytoken: 'tok' },
      },
    });
    await expect(getRegistryAuth('docker.io', s)).resolves.toEqual({ username: 'hub', password: 'pw:with:colons', serveraddress: 'https://index.docker.io/v1/' });
    await expect(getRegistryAuth('a.example', s)).resolves.toEqual({ username: 'u', password: 'p', serveraddress: 'a.example' });
    await expect(getRegistryAuth('b.example', s)).resolves.toEqual({ identitytoken: 'tok', serveraddress: 'b.example' });
    await expect(getRegistryAuth('c.example', s)).resolves.toBeUndefined();
  });

  it('asks credHelpers first, then credsStore, then auths', async () => {
    const file = { credHelpers: { 'a.example': 'helper-a' }, credsStore: 'store', auths: { 'a.example': { auth: b64('x:y') }, 'c.example': { auth: b64('c:c') } } };
    const s = sources(file, undefined, { 'helper-a': { Username: 'from-helper', Secret: 's1' } });
    await expect(getRegistryAuth('a.example', s)).resolves.toMatchObject({ username: 'from-helper', password: 's1' });
    expect(s.calls).toEqual(['helper-a a.example']);
    // The store has nothing for c.example: auths answers.
    await expect(getRegistryAuth('c.example', s)).resolves.toMatchObject({ username: 'c', password: 'c' });
    expect(s.calls).toEqual(['helper-a a.example', 'store c.example']);
  });

  it('turns a helper\'s <token> user into an identity token', async () => {
    const s = sources({ credsStore: 'store' }, undefined, { store: { Username: '<token>', Secret: 'refresh' } });
    await expect(getRegistryAuth('docker.io', s)).resolves.toEqual({ identitytoken: 'refresh', serveraddress: 'https://index.docker.io/v1/' });
    expect(s.calls).toEqual(['store https://index.docker.io/v1/']);
  });

  it('prefers DOCKER_AUTH_CONFIG, and falls back to the file per registry', async () => {
    const s = sources({ auths: { 'a.example': { auth: b64('file:f') }, 'b.example': { auth: b64('file:b') } } }, { auths: { 'a.example': { auth: b64('inline:i') } } });
    await expect(getRegistryAuth('a.example', s)).resolves.toMatchObject({ username: 'inline' });
    await expect(getRegistryAuth('b.example', s)).resolves.toMatchObject({ username: 'file' });
  });

  it('treats a missing config file as no credentials, and a broken one as an error that does not echo it', async () => {
    await expect(getRegistryAuth('a.example', sources(undefined))).resolves.toBeUndefined();
    writeFileSync(path.join(dir, 'config.json'), '{"auths": {"a": {"auth": "c2VjcmV0"}');
    const error = (await getRegistryAuth('a.example', { configDir: dir }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).not.toContain('c2VjcmV0');
  });
});

describe('credential helpers', () => {
  function helper(name: string, script: string): void {
    writeFileSync(path.join(dir, `docker-credential-${name}`), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  }

  it('finds helpers on the configured PATH', () => {
    helper('x', 'true');
    expect(findExecutable('docker-credential-x', `/nonexistent${path.delimiter}${dir}`)).toBe(path.join(dir, 'docker-credential-x'));
    expect(findExecutable('docker-credential-none', dir)).toBe('docker-credential-none');
  });

  it('runs `get` with the server on stdin; "not found" is no credentials; failures are RegistryAuthError', async () => {
    helper('ok', 'read s; echo "{\\"ServerURL\\":\\"$s\\",\\"Username\\":\\"u\\",\\"Secret\\":\\"s-$s\\"}"');
    helper('none', 'echo "credentials not found in native keychain"; exit 1');
    helper('broken', 'echo boom >&2; exit 3');
    const run = (name: string): Promise<unknown> => {
      return runCredentialHelper(name, 'reg.example', 'reg.example');
    };
    // The helper directory must be found through the configured PATH: point it there for this test.
    const savedPath = process.env['PATH'];
    process.env['PATH'] = `${dir}${path.delimiter}${savedPath}`;
    resetConfig();
    try {
      await expect(run('ok')).resolves.toEqual({ ServerURL: 'reg.example', Username: 'u', Secret: 's-reg.example' });
      await expect(run('none')).resolves.toBeUndefined();
      await expect(run('broken')).rejects.toThrow(/exit code 3\): boom/);
      await expect(run('missing')).rejects.toBeInstanceOf(RegistryAuthError);
    } finally {
      process.env['PATH'] = savedPath;
      resetConfig();
    }
  });
});

describe('a missing credential helper', () => {
  it('leaves no timer behind (spawn\'s own timeout option would keep the process alive after ENOENT)', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await expect(runCredentialHelper('missing-for-timer-test', 'reg.example', 'reg.example')).rejects.toBeInstanceOf(RegistryAuthError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(before);
  });
});
