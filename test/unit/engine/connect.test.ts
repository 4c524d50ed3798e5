import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../../../src/config';
import { connectEngine } from '../../../src/engine/engine';
import { EngineUnavailableError } from '../../../src/errors';

// No engine involved: the candidates are files that are not sockets (connect fails at once) or missing.
describe('connectEngine without an engine', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-connect-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('probes every socket that exists and lists every place, with its reason, in the error', async () => {
    const runtime = path.join(dir, 'run');
    mkdirSync(path.join(runtime, 'podman'), { recursive: true });
    writeFileSync(path.join(runtime, 'docker.sock'), 'not a socket');
    writeFileSync(path.join(runtime, 'podman', 'podman.sock'), 'not a socket');
    const config = { ...readConfig({ XDG_RUNTIME_DIR: runtime }, {}, dir), uid: 4242 };
    const hideSystemSockets = (p: string): boolean => p.startsWith(dir) && existsSync(p);
    const started = Date.now();
    const error = (await connectEngine(config, hideSystemSockets).catch((e: unknown) => e)) as EngineUnavailableError;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect(error.attempts.map((a) => [a.address, a.reason.split(':')[0]])).toEqual([
      [`unix://${runtime}/docker.sock`, 'connection refused'],
      [`unix://${runtime}/podman/podman.sock`, 'connection refused'],
      ['unix:///var/run/docker.sock', 'no such socket'],
      [`unix://${dir}/.docker/run/docker.sock`, 'no such socket'],
      [`unix://${dir}/.docker/desktop/docker.sock`, 'no such socket'],
      ['unix:///run/user/4242/docker.sock', 'no such socket'],
      ['unix:///run/podman/podman.sock', 'no such socket'],
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Docker engine unavailable: none of 7 places answered');
    expect(lines[1]).toBe(`  - rootless socket ($XDG_RUNTIME_DIR): unix://${runtime}/docker.sock (connection refused: connect ECONNREFUSED ${runtime}/docker.sock)`);
    expect(error.cause).toBeDefined();
  });

  it('with nothing to probe, says where it looked', async () => {
    const error = (await connectEngine({ ...readConfig({}, {}, dir), uid: undefined }, () => false).catch((e: unknown) => e)) as EngineUnavailableError;
    expect(error.attempts.map((a) => a.address)).toEqual([
      'unix:///var/run/docker.sock',
      `unix://${dir}/.docker/run/docker.sock`,
      `unix://${dir}/.docker/desktop/docker.sock`,
      'unix:///run/podman/podman.sock',
    ]);
    expect(error.cause).toBeUndefined();
  });
});
