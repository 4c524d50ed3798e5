import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig, type BerthConfig } from '../../../src/config';
import { contextId, currentContextName, readContext } from '../../../src/engine/context';
import { discoverEndpoints, socketCandidates } from '../../../src/engine/discovery';

let home: string;
const none = (): boolean => false;
const all = (): boolean => true;

function config(env: NodeJS.ProcessEnv = {}, props: Record<string, string> = {}): BerthConfig {
  return { ...readConfig(env, props, home), uid: 1000 };
}

function writeContext(name: string, host: string | undefined, opts: { tls?: string[]; skip?: boolean; dir?: string } = {}): void {
  const dir = opts.dir ?? path.join(home, '.docker');
  const meta = path.join(dir, 'contexts', 'meta', contextId(name));
  mkdirSync(meta, { recursive: true });
  const endpoint = host === undefined ? {} : { docker: { Host: host, SkipTLSVerify: opts.skip ?? false } };
  writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: endpoint }));
  if (opts.tls) {
    const tls = path.join(dir, 'contexts', 'tls', contextId(name), 'docker');
    mkdirSync(tls, { recursive: true });
    for (const f of opts.tls) writeFileSync(path.join(tls, f), 'pem');
  }
}

function writeCurrentContext(name: string, dir = path.join(home, '.docker')): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: name }));
}

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'berth-discovery-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('discoverEndpoints: order of sources', () => {
  it('uses DOCKER_HOST first, even when a context and the properties file name other engines', () => {
    writeContext('remote', 'tcp://10.0.0.9:2375');
    writeCurrentContext('remote');
    const c = config({ DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'remote' }, { 'docker.host': 'tcp://10.0.0.2:2375' });
    const { candidates, skipped } = discoverEndpoints(c, all);
    expect(candidates).toEqual([{ source: 'DOCKER_HOST', url: 'tcp://10.0.0.1:2375', explicit: true }]);
    expect(skipped).toEqual([]);
  });

  it('then DOCKER_CONTEXT, before currentContext and the properties file', () => {
    writeContext('env-ctx', 'tcp://10.0.0.3:2375');
    writeContext('cli-ctx', 'tcp://10.0.0.4:2375');
    writeCurrentContext('cli-ctx');
    const c = config({ DOCKER_CONTEXT: 'env-ctx' }, { 'docker.host': 'tcp://10.0.0.2:2375' });
    expect(discoverEndpoints(c, all).candidates).toEqual([{ source: 'DOCKER_CONTEXT', url: 'tcp://10.0.0.3:2375', explicit: true }]);
  });

  it('then currentContext from $DOCKER_CONFIG/config.json, before the properties file', () => {
    const dockerConfig = path.join(home, 'custom-docker');
    writeContext('cli-ctx', 'unix:///run/custom.sock', { dir: dockerConfig });
    writeCurrentContext('cli-ctx', dockerConfig);
    const c = config({ DOCKER_CONFIG: dockerConfig }, { 'docker.host': 'tcp://10.0.0.2:2375' });
    const [only, ...rest] = discoverEndpoints(c, all).candidates;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ url: 'unix:///run/custom.sock', explicit: true });
    expect(only?.source).toContain('currentContext');
  });

  it('treats the context "default" as no context', () => {
    writeCurrentContext('default');
    const c = config({}, { 'docker.host': 'tcp://10.0.0.2:2375' });
    expect(discoverEndpoints(c, all).candidates.map((e) => e.url)).toEqual(['tcp://10.0.0.2:2375']);
    expect(discoverEndpoints(config({ DOCKER_CONTEXT: 'default' }), all).candidates[0]?.url).toBe('unix:///var/run/docker.sock');
  });

  it('then docker.host from ~/.testcontainers.properties', () => {
    const { candidates } = discoverEndpoints(config({}, { 'docker.host': 'tcp://10.0.0.2:2375' }), all);
    expect(candidates).toEqual([{ source: 'docker.host in ~/.testcontainers.properties', url: 'tcp://10.0.0.2:2375', explicit: true }]);
  });

  it('then the default socket, then the rootless, Docker Desktop and Podman sockets that exist', () => {
    const c = config({ XDG_RUNTIME_DIR: '/run/user/1000' });
    expect(socketCandidates(c).map((s) => s.socket)).toEqual([
      '/var/run/docker.sock',
      '/run/user/1000/docker.sock',
      path.join(home, '.docker/run/docker.sock'),
      path.join(home, '.docker/desktop/docker.sock'),
      '/run/user/1000/podman/podman.sock',
      '/run/podman/podman.sock',
    ]);
    const present = new Set(['/run/user/1000/docker.sock', '/run/podman/podman.sock']);
    const { candidates, skipped } = discoverEndpoints(c, (p) => present.has(p));
    expect(candidates.map((e) => e.url)).toEqual(['unix:///run/user/1000/docker.sock', 'unix:///run/podman/podman.sock']);
    expect(candidates.every((e) => !e.explicit)).toBe(true);
    expect(skipped.map((s) => s.address)).toEqual([
      'unix:///var/run/docker.sock',
      `unix://${path.join(home, '.docker/run/docker.sock')}`,
      `unix://${path.join(home, '.docker/desktop/docker.sock')}`,
      '/run/user/1000/podman/podman.sock'.replace(/^/, 'unix://'),
    ]);
    expect(skipped.every((s) => s.reason === 'no such socket')).toBe(true);
  });

  it('lists every socket it looked at when none exists', () => {
    const { candidates, skipped } = discoverEndpoints(config(), none);
    expect(candidates).toEqual([]);
    expect(skipped.map((s) => s.address)).toContain('unix:///var/run/docker.sock');
    expect(skipped.map((s) => s.address)).toContain('unix:///run/user/1000/docker.sock');
  });
});

describe('discoverEndpoints: each source', () => {
  it('DOCKER_HOST with DOCKER_TLS_VERIFY uses DOCKER_CERT_PATH (default ~/.docker)', () => {
    expect(discoverEndpoints(config({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' })).candidates[0]?.tls).toEqual({
      certPath: '/certs',
    });
    expect(discoverEndpoints(config({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' })).candidates[0]?.tls).toEqual({
      certPath: path.join(home, '.docker'),
    });
    expect(discoverEndpoints(config({ DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs' })).candidates[0]?.tls).toBeUndefined();
    expect(discoverEndpoints(config({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '0' })).candidates[0]?.tls).toBeUndefined();
  });

  it('DOCKER_HOST without a scheme means tcp://, and unix:// is kept as is', () => {
    expect(discoverEndpoints(config({ DOCKER_HOST: '10.0.0.1:2375' })).candidates[0]?.url).toBe('tcp://10.0.0.1:2375');
    expect(discoverEndpoints(config({ DOCKER_HOST: 'unix:///tmp/d.sock' })).candidates[0]?.url).toBe('unix:///tmp/d.sock');
  });

  it('an ssh:// engine gets the ssh-agent socket and ~/.ssh', () => {
    const [ssh] = discoverEndpoints(config({ DOCKER_HOST: 'ssh://me@box', SSH_AUTH_SOCK: '/tmp/agent.sock' })).candidates;
    expect(ssh?.ssh).toEqual({ agentSocket: '/tmp/agent.sock', keyDir: path.join(home, '.ssh') });
    const [noAgent] = discoverEndpoints(config({ DOCKER_HOST: 'ssh://me@box' })).candidates;
    expect(noAgent?.ssh).toEqual({ keyDir: path.join(home, '.ssh') });
  });

  it('a context with TLS material points at contexts/tls/<sha256>/docker', () => {
    writeContext('secure', 'tcp://10.0.0.5:2376', { tls: ['ca.pem', 'cert.pem', 'key.pem'] });
    const [e] = discoverEndpoints(config({ DOCKER_CONTEXT: 'secure' })).candidates;
    expect(e?.tls).toEqual({ certPath: path.join(home, '.docker', 'contexts', 'tls', contextId('secure'), 'docker'), skipVerify: false });
  });

  it('a context with SkipTLSVerify uses TLS without verification, and an ssh context no TLS', () => {
    writeContext('insecure', 'tcp://10.0.0.5:2376', { skip: true });
    expect(discoverEndpoints(config({ DOCKER_CONTEXT: 'insecure' })).candidates[0]?.tls?.skipVerify).toBe(true);
    writeContext('over-ssh', 'ssh://me@box', { tls: ['ca.pem'] });
    const [ssh] = discoverEndpoints(config({ DOCKER_CONTEXT: 'over-ssh' })).candidates;
    expect(ssh?.tls).toBeUndefined();
    expect(ssh?.ssh?.keyDir).toBe(path.join(home, '.ssh'));
  });

  it('a missing or empty context fails without falling back to the properties file or the sockets', () => {
    const c = config({ DOCKER_CONTEXT: 'ghost' }, { 'docker.host': 'tcp://10.0.0.2:2375' });
    const { candidates, skipped } = discoverEndpoints(c, all);
    expect(candidates).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ source: 'DOCKER_CONTEXT', address: 'context "ghost"' });
    expect(skipped[0]?.reason).toMatch(/no such context/);
    writeContext('empty', undefined);
    expect(discoverEndpoints(config({ DOCKER_CONTEXT: 'empty' }), all).skipped[0]?.reason).toMatch(/no Endpoints.docker.Host/);
  });

  it('reads the current context name, ignoring a broken or absent config.json', () => {
    expect(currentContextName(config())).toBeUndefined();
    mkdirSync(path.join(home, '.docker'), { recursive: true });
    writeFileSync(path.join(home, '.docker', 'config.json'), '{not json');
    expect(currentContextName(config())).toBeUndefined();
    writeCurrentContext('colima');
    expect(currentContextName(config())).toBe('colima');
  });

  it('readContext names the context it read', () => {
    writeContext('x', 'tcp://1.2.3.4:2375');
    expect(readContext(config(), 'x', 'DOCKER_CONTEXT')).toEqual({ source: 'DOCKER_CONTEXT', url: 'tcp://1.2.3.4:2375', explicit: true });
  });

  it('properties docker.tls.verify uses docker.cert.path, else ~/.docker', () => {
    const withPath = config({}, { 'docker.host': 'tcp://h:2376', 'docker.tls.verify': '1', 'docker.cert.path': '/p' });
    expect(discoverEndpoints(withPath).candidates[0]?.tls).toEqual({ certPath: '/p' });
    const noPath = config({}, { 'docker.host': 'tcp://h:2376', 'docker.tls.verify': 'true' });
    expect(discoverEndpoints(noPath).candidates[0]?.tls).toEqual({ certPath: path.join(home, '.docker') });
  });
});
