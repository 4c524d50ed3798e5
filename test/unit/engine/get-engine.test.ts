import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetConfig } from '../../../src/config';
import { getEngine, resetEngine } from '../../../src/engine/engine';

// No engine involved: one attempt fails at once (missing socket), the other times out on a silent socket.
describe('getEngine', () => {
  const saved = { host: process.env['DOCKER_HOST'], timeout: process.env['BERTH_ENGINE_TIMEOUT_MS'] };
  let dir: string;
  let server: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-get-engine-'));
    server = createServer((socket) => sockets.push(socket)); // accepts, never answers
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'silent.sock'), resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [['DOCKER_HOST', saved.host], ['BERTH_ENGINE_TIMEOUT_MS', saved.timeout]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfig();
    resetEngine();
  });

  it('keeps sharing a newer pending attempt when an attempt from before resetEngine() fails', async () => {
    process.env['DOCKER_HOST'] = `unix://${path.join(dir, 'missing.sock')}`;
    resetConfig();
    const failing = getEngine();
    resetEngine();
    process.env['DOCKER_HOST'] = `unix://${path.join(dir, 'silent.sock')}`;
    process.env['BERTH_ENGINE_TIMEOUT_MS'] = '500';
    resetConfig();
    const pending = getEngine();
    await expect(failing).rejects.toThrow(/Docker engine unavailable/);
    expect(getEngine()).toBe(pending);
    await expect(pending).rejects.toThrow(/Docker engine unavailable/);
  });
});
