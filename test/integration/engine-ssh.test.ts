import { once } from 'node:events';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Server, utils, type Connection } from 'ssh2';
import { EngineUnavailableError } from 'berth';
import { readConfig } from '../../src/config';
import { connectEngine } from '../../src/engine/engine';

const run = promisify(execFile);

/**
 * A tiny SSH server on loopback that does what a remote Docker host's sshd does for the Docker CLI:
 * authenticates a public key and answers `docker system dial-stdio` by piping to the engine's socket.
 */
describe('engine over SSH (real)', () => {
  const hostKey = utils.generateKeyPairSync('ed25519');
  const userKey = utils.generateKeyPairSync('ed25519');
  const allowed = utils.parseKey(userKey.public);
  if (allowed instanceof Error) throw allowed;
  const connections = new Set<Connection>();
  const commands: string[] = [];
  let server: Server;
  let port: number;
  let home: string;

  beforeAll(async () => {
    server = new Server({ hostKeys: [hostKey.private] }, (client) => {
      connections.add(client);
      client.on('close', () => connections.delete(client));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        if (ctx.method !== 'publickey' || ctx.username !== 'tester') return ctx.reject(['publickey']);
        const wanted = allowed.getPublicSSH();
        if (ctx.key.data.length !== wanted.length || !timingSafeEqual(ctx.key.data, wanted)) return ctx.reject(['publickey']);
        if (ctx.signature && ctx.blob && allowed.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
        ctx.accept();
      });
      client.on('session', (accept) => {
        accept().on('exec', (acceptExec, _reject, info) => {
          commands.push(info.command);
          const channel = acceptExec();
          if (info.command !== 'docker system dial-stdio') {
            channel.exit(127);
            channel.end();
            return;
          }
          const engine = connect('/var/run/docker.sock');
          engine.on('error', () => channel.close());
          channel.pipe(engine).pipe(channel);
          channel.on('close', () => engine.destroy());
        });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    home = mkdtempSync(path.join(tmpdir(), 'berth-ssh-'));
  });

  afterAll(async () => {
    for (const c of connections) c.end();
    server.close();
    await once(server, 'close');
    rmSync(home, { recursive: true, force: true });
  });

  function writeKey(privateKey: string): void {
    mkdirSync(path.join(home, '.ssh'), { recursive: true });
    writeFileSync(path.join(home, '.ssh', 'id_ed25519'), privateKey, { mode: 0o600 });
  }

  /** What `ssh-keyscan -p <port> 127.0.0.1 >> ~/.ssh/known_hosts` writes. */
  function trustServer(dir: string, publicKey = hostKey.public): void {
    mkdirSync(path.join(dir, '.ssh'), { recursive: true });
    writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `[127.0.0.1]:${port} ${publicKey}\n`);
  }

  it('reaches the engine through ssh:// with the unencrypted key in ~/.ssh', async () => {
    writeKey(userKey.private);
    trustServer(home);
    const engine = await connectEngine(readConfig({ DOCKER_HOST: `ssh://tester@127.0.0.1:${port}` }, {}, home));
    expect(commands).toContain('docker system dial-stdio');
    expect(engine.endpoint.source).toBe('DOCKER_HOST');
    expect(engine.host).toBe('127.0.0.1');
    expect(engine.info.apiVersion).toMatch(/^1\.\d+$/);
    const images = await engine.api.listImages();
    expect(images.length).toBeGreaterThan(0);
  });

  it('reaches the engine with a key held by ssh-agent (SSH_AUTH_SOCK), none in ~/.ssh', async () => {
    const agentHome = mkdtempSync(path.join(tmpdir(), 'berth-ssh-agent-'));
    const socket = path.join(agentHome, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 20));
      const keyFile = path.join(agentHome, 'key');
      writeFileSync(keyFile, userKey.private, { mode: 0o600 });
      await run('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      rmSync(keyFile);
      trustServer(agentHome);
      const env = { DOCKER_HOST: `ssh://tester@127.0.0.1:${port}`, SSH_AUTH_SOCK: socket };
      const engine = await connectEngine(readConfig(env, {}, agentHome));
      expect(engine.endpoint.ssh).toEqual({ agentSocket: socket, keyDir: path.join(agentHome, '.ssh') });
      expect((await engine.api.version()).ApiVersion).toBe(engine.info.apiVersion);
    } finally {
      agent.kill();
      if (agent.exitCode === null) await once(agent, 'exit');
      rmSync(agentHome, { recursive: true, force: true });
    }
  });

  it('refuses a server whose host key is unknown or changed (no silent trust)', async () => {
    writeKey(userKey.private);
    const config = readConfig({ DOCKER_HOST: `ssh://tester@127.0.0.1:${port}` }, {}, home);
    rmSync(path.join(home, '.ssh', 'known_hosts'), { force: true });
    const unknown = await connectEngine(config).catch((e: unknown) => e);
    expect((unknown as Error).message).toContain(`ssh://tester@127.0.0.1:${port} (DOCKER_HOST: SSH host key not trusted`);
    trustServer(home, utils.generateKeyPairSync('ed25519').public);
    const changed = await connectEngine(config).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(EngineUnavailableError);
    expect((changed as Error).message).toContain('SSH host key not trusted');
    trustServer(home);
  });

  it('a rejected key fails discovery with an SSH authentication reason', async () => {
    writeKey(utils.generateKeyPairSync('ed25519').private);
    const error = await connectEngine(readConfig({ DOCKER_HOST: `ssh://tester@127.0.0.1:${port}` }, {}, home)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect((error as Error).message).toContain(`ssh://tester@127.0.0.1:${port} (DOCKER_HOST: SSH authentication failed`);
  });
});
