import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { displayUrl, hostOfEndpoint, isLocalEndpoint, toModemOptions, type EngineEndpoint } from '../../../src/engine/endpoint';
import { isEncryptedKey, sshClientOptions } from '../../../src/engine/ssh';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-endpoint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ep = (url: string, extra: Partial<EngineEndpoint> = {}): EngineEndpoint => ({ source: 'test', url, explicit: true, ...extra });

function writePems(names: string[]): void {
  for (const n of names) writeFileSync(path.join(dir, n), `--- ${n} ---`);
}

describe('toModemOptions', () => {
  it.each([
    ['unix:///var/run/docker.sock', { socketPath: '/var/run/docker.sock', host: undefined, protocol: 'http' }],
    ['tcp://10.0.0.1:2375', { host: '10.0.0.1', port: 2375, protocol: 'http', socketPath: undefined }],
    ['tcp://10.0.0.1', { host: '10.0.0.1', port: 2375, protocol: 'http' }],
    ['http://engine.local:8080', { host: 'engine.local', port: 8080, protocol: 'http' }],
    ['https://engine.local', { host: 'engine.local', port: 2376, protocol: 'https' }],
    ['tcp://[::1]:2375', { host: '::1', port: 2375 }],
    ['ssh://me@box', { host: 'box', port: 22, protocol: 'ssh', username: 'me', password: undefined }],
    ['ssh://me:s%40cret@box:2222', { host: 'box', port: 2222, protocol: 'ssh', username: 'me', password: 's@cret' }],
    ['ssh://box', { host: 'box', protocol: 'ssh', username: userInfo().username }],
  ])('%s', (url, expected) => {
    expect(toModemOptions(ep(url))).toMatchObject(expected);
  });

  it('sets every key so docker-modem cannot mix in its own reading of DOCKER_HOST/DOCKER_CERT_PATH', () => {
    const options = toModemOptions(ep('unix:///x.sock'));
    for (const key of ['socketPath', 'host', 'port', 'protocol', 'ca', 'cert', 'key', 'timeout', 'pathPrefix', 'username', 'password']) {
      expect(options).toHaveProperty(key);
    }
    const saved = process.env['DOCKER_HOST'];
    process.env['DOCKER_HOST'] = 'tcp://10.9.9.9:2375';
    try {
      const modem = (new Dockerode(toModemOptions(ep('unix:///x.sock'))) as unknown as { modem: Record<string, unknown> }).modem;
      expect(modem['socketPath']).toBe('/x.sock');
      expect(modem['host']).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env['DOCKER_HOST'];
      else process.env['DOCKER_HOST'] = saved;
    }
  });

  it('with TLS reads ca.pem, cert.pem and key.pem and speaks https (default port 2376)', () => {
    writePems(['ca.pem', 'cert.pem', 'key.pem']);
    const options = toModemOptions(ep('tcp://h', { tls: { certPath: dir } }));
    expect(options).toMatchObject({ protocol: 'https', port: 2376, host: 'h' });
    expect(options.ca?.toString()).toBe('--- ca.pem ---');
    expect(options.cert?.toString()).toBe('--- cert.pem ---');
    expect(options.key?.toString()).toBe('--- key.pem ---');
    expect(options.agent).toBeUndefined();
  });

  it('with TLS and only ca.pem verifies the server without a client certificate', () => {
    writePems(['ca.pem']);
    const options = toModemOptions(ep('tcp://h:2376', { tls: { certPath: dir } }));
    expect(options.ca).toBeDefined();
    expect(options.cert).toBeUndefined();
  });

  it('rejects TLS folders that are empty or hold a certificate without its key', () => {
    expect(() => toModemOptions(ep('tcp://h', { tls: { certPath: dir } }))).toThrow(/holds none of ca.pem, cert.pem, key.pem/);
    writePems(['cert.pem']);
    expect(() => toModemOptions(ep('tcp://h', { tls: { certPath: dir } }))).toThrow(/cert.pem without key.pem/);
  });

  it('SkipTLSVerify uses an agent that accepts any server certificate', () => {
    const options = toModemOptions(ep('tcp://h', { tls: { certPath: path.join(dir, 'none'), skipVerify: true } }));
    expect(options.protocol).toBe('https');
    expect((options.agent as unknown as { options: { rejectUnauthorized: boolean } }).options.rejectUnauthorized).toBe(false);
    options.agent?.destroy();
  });

  it.each([
    ['garbage', /not a valid engine URL/],
    ['ftp://h', /unsupported engine URL scheme "ftp:"/],
    ['unix://', /without a socket path/],
    ['tcp://', /not a valid engine URL|has no host/],
  ])('rejects %s', (url, message) => {
    expect(() => toModemOptions(ep(url))).toThrow(message);
  });

  it('rejects http:// with TLS verification on', () => {
    writePems(['ca.pem']);
    expect(() => toModemOptions(ep('http://h', { tls: { certPath: dir } }))).toThrow(/http:\/\/ URL with TLS/);
  });
});

describe('getHost and locality', () => {
  it.each([
    ['unix:///var/run/docker.sock', 'localhost', true],
    ['npipe:////./pipe/docker_engine', 'localhost', true],
    ['tcp://127.0.0.1:2375', '127.0.0.1', true],
    ['tcp://localhost:2375', 'localhost', true],
    ['tcp://[::1]:2375', '::1', true],
    ['tcp://10.0.0.7:2376', '10.0.0.7', false],
    ['ssh://me@build-box.example', 'build-box.example', false],
  ])('%s -> host %s, local %s', (url, host, local) => {
    expect(hostOfEndpoint(ep(url))).toBe(host);
    expect(isLocalEndpoint(ep(url))).toBe(local);
  });

  it('hides an SSH password in messages', () => {
    expect(displayUrl('ssh://me:secret@box:22')).toBe('ssh://me:***@box:22');
    expect(displayUrl('ssh://me@box')).toBe('ssh://me@box');
  });

  it('masks a password in any scheme, also one with a raw @', () => {
    expect(displayUrl('tcp://me:secret@10.0.0.2:2376')).toBe('tcp://me:***@10.0.0.2:2376');
    expect(displayUrl('https://me:secret@engine.example/')).toBe('https://me:***@engine.example/');
    expect(displayUrl('ssh://me:p@ss@box:22')).toBe('ssh://me:***@box:22');
    expect(displayUrl('unix:///var/run/docker.sock')).toBe('unix:///var/run/docker.sock');
    expect(displayUrl('tcp://10.0.0.2:2376')).toBe('tcp://10.0.0.2:2376');
  });
});

describe('SSH credentials', () => {
  const opensshKey = (cipher: string): string => {
    const name = Buffer.alloc(4);
    name.writeUInt32BE(cipher.length);
    const body = Buffer.concat([Buffer.from('openssh-key-v1\0'), name, Buffer.from(cipher), Buffer.alloc(16)]).toString('base64');
    return `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`;
  };

  it('tells passphrase-protected keys from plain ones', () => {
    expect(isEncryptedKey(opensshKey('none'))).toBe(false);
    expect(isEncryptedKey(opensshKey('aes256-ctr'))).toBe(true);
    expect(isEncryptedKey('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n...')).toBe(true);
    expect(isEncryptedKey('-----BEGIN ENCRYPTED PRIVATE KEY-----\n...')).toBe(true);
    expect(isEncryptedKey('-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----')).toBe(false);
  });

  it('uses the agent and the first unencrypted key of ~/.ssh, and bounds the handshake', () => {
    const ssh = path.join(dir, '.ssh');
    mkdirSync(ssh);
    writeFileSync(path.join(ssh, 'id_ed25519'), opensshKey('aes256-ctr'));
    writeFileSync(path.join(ssh, 'id_ecdsa'), opensshKey('none'));
    writeFileSync(path.join(ssh, 'id_rsa'), opensshKey('none') + '#rsa');
    const options = sshClientOptions({ agentSocket: '/tmp/agent', keyDir: ssh }, { host: 'box', port: 22 }, 1234);
    expect(options['agent']).toBe('/tmp/agent');
    expect(options['readyTimeout']).toBe(1234);
    expect(String(options['privateKey'])).toBe(opensshKey('none'));
    const bare = sshClientOptions({ keyDir: path.join(dir, 'none') }, { host: 'box', port: 22 });
    expect(Object.keys(bare)).toEqual(['hostVerifier']);
    expect(sshClientOptions(undefined, { host: 'box', port: 22 })).toEqual({});
  });

  it('passes them to the client for ssh:// URLs', () => {
    const options = toModemOptions(ep('ssh://me@box', { ssh: { agentSocket: '/tmp/a', keyDir: dir } }), 500);
    expect(options.sshOptions).toEqual({ agent: '/tmp/a', readyTimeout: 500, hostVerifier: expect.any(Function) as unknown });
  });
});
