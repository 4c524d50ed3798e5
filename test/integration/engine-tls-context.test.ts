import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:tls';
import { promisify } from 'node:util';
import { EngineUnavailableError } from 'berth';
import { readConfig } from '../../src/config';
import { contextId } from '../../src/engine/context';
import { connectEngine } from '../../src/engine/engine';

const run = promisify(execFile);

/**
 * A TLS engine on loopback: a TLS server that checks client certificates against a test CA and
 * forwards to the real engine's socket, like dockerd with --tlsverify. Certificates come from openssl.
 */
describe('engine over TLS and through Docker contexts (real)', () => {
  let dir: string;
  let certs: string;
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();

  async function openssl(...args: string[]): Promise<void> {
    await run('openssl', args, { cwd: certs });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-tls-'));
    certs = path.join(dir, 'certs');
    mkdirSync(certs);
    await openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=berth test CA', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
    writeFileSync(path.join(certs, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    writeFileSync(path.join(certs, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
    for (const who of ['server', 'client']) {
      await openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${who}`, '-keyout', `${who}-key.pem`, '-out', `${who}.csr`);
      await openssl('x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '1', '-extfile', `${who}.ext`, '-out', `${who}.pem`);
    }
    // DOCKER_CERT_PATH layout: ca.pem, cert.pem, key.pem.
    writeFileSync(path.join(certs, 'cert.pem'), readFileSync(path.join(certs, 'client.pem')));
    writeFileSync(path.join(certs, 'key.pem'), readFileSync(path.join(certs, 'client-key.pem')));
    const read = (f: string): Buffer => readFileSync(path.join(certs, f));
    server = createServer({ key: read('server-key.pem'), cert: read('server.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      const engine = connect('/var/run/docker.sock');
      engine.on('error', () => client.destroy());
      client.on('error', () => engine.destroy());
      client.on('close', () => engine.destroy());
      client.pipe(engine).pipe(client);
    });
    server.on('tlsClientError', () => undefined);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    server.close();
    await once(server, 'close');
    rmSync(dir, { recursive: true, force: true });
  });

  it('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: verifies the engine and presents the client certificate', async () => {
    const engine = await connectEngine(readConfig({ DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, {}, dir));
    expect(engine.info.apiVersion).toMatch(/^1\.\d+$/);
    expect(engine.host).toBe('127.0.0.1');
    expect((await engine.api.listNetworks()).some((n) => n.Name === 'bridge')).toBe(true);
  });

  it('without TLS the same address fails, naming the reason', async () => {
    const error = await connectEngine(readConfig({ DOCKER_HOST: `tcp://127.0.0.1:${port}` }, {}, dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^Docker engine unavailable: tcp://127\\.0\\.0\\.1:${port} \\(DOCKER_HOST: .+\\)`));
  });

  it('an engine whose certificate is not signed by ca.pem is rejected', async () => {
    const other = path.join(dir, 'other');
    mkdirSync(other, { recursive: true });
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=other CA', '-keyout', path.join(other, 'ca-key.pem'), '-out', path.join(other, 'ca.pem')]);
    const error = await connectEngine(readConfig({ DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: other }, {}, dir)).catch((e: unknown) => e);
    expect((error as Error).message).toContain('TLS certificate rejected');
  });

  it('the current Docker context (currentContext + contexts/meta + contexts/tls) reaches the TLS engine', async () => {
    const dockerConfig = path.join(dir, 'docker-config');
    const id = contextId('berth-tls');
    mkdirSync(path.join(dockerConfig, 'contexts', 'meta', id), { recursive: true });
    mkdirSync(path.join(dockerConfig, 'contexts', 'tls', id, 'docker'), { recursive: true });
    writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({ currentContext: 'berth-tls' }));
    writeFileSync(
      path.join(dockerConfig, 'contexts', 'meta', id, 'meta.json'),
      JSON.stringify({ Name: 'berth-tls', Metadata: {}, Endpoints: { docker: { Host: `tcp://127.0.0.1:${port}`, SkipTLSVerify: false } } }),
    );
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) {
      writeFileSync(path.join(dockerConfig, 'contexts', 'tls', id, 'docker', f), readFileSync(path.join(certs, f)));
    }
    const engine = await connectEngine(readConfig({ DOCKER_CONFIG: dockerConfig }, { 'docker.host': 'tcp://127.0.0.1:1' }, dir));
    expect(engine.endpoint.source).toContain('currentContext');
    expect(engine.endpoint.url).toBe(`tcp://127.0.0.1:${port}`);
    expect(engine.info.apiVersion).toMatch(/^1\.\d+$/);
  });

  it('DOCKER_CONTEXT naming a unix-socket context reaches the local engine', async () => {
    const dockerConfig = path.join(dir, 'docker-config-2');
    const id = contextId('local');
    mkdirSync(path.join(dockerConfig, 'contexts', 'meta', id), { recursive: true });
    writeFileSync(
      path.join(dockerConfig, 'contexts', 'meta', id, 'meta.json'),
      JSON.stringify({ Name: 'local', Endpoints: { docker: { Host: 'unix:///var/run/docker.sock' } } }),
    );
    const engine = await connectEngine(readConfig({ DOCKER_CONFIG: dockerConfig, DOCKER_CONTEXT: 'local' }, {}, dir));
    expect(engine.endpoint).toMatchObject({ source: 'DOCKER_CONTEXT', url: 'unix:///var/run/docker.sock' });
    expect(engine.host).toBe('localhost');
  });
});
