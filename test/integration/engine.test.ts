import { execFileSync } from 'node:child_process';
import { getEngineInfo } from 'berth';
import { getEngine } from '../../src/engine/engine';
import { execInContainer } from '../../src/engine/exec';

describe('engine (real)', () => {
  it('finds the local engine, negotiates its API version and reports localhost', async () => {
    const server = JSON.parse(execFileSync('docker', ['version', '--format', '{{json .Server}}'], { encoding: 'utf8' })) as {
      Version: string;
      ApiVersion: string;
      MinAPIVersion: string;
    };
    const info = await getEngineInfo();
    expect(info.serverVersion).toBe(server.Version);
    expect(info.apiVersion).toBe(server.ApiVersion);
    expect(info.minApiVersion).toBe(server.MinAPIVersion);
    expect(info.isPodman).toBe(false);
    expect(info.host).toBe('localhost');
    expect(info.endpoint).toMatch(/^unix:\/\//);
  });

  it('talks to the engine with the negotiated version on every request', async () => {
    const engine = await getEngine();
    expect(engine.isLocal).toBe(true);
    expect((engine.api as unknown as { modem: { version: string } }).modem.version).toBe(`v${engine.info.apiVersion}`);
    const info = (await engine.api.info()) as { ID?: string };
    expect(info.ID).toBeTruthy();
  });

  it('shares one engine per process', async () => {
    expect(await getEngine()).toBe(await getEngine());
  });

  it('keeps exec arguments (which may be passwords) out of engine error messages', async () => {
    const engine = await getEngine();
    const error = (await execInContainer(engine, 'berth-no-such-container', ['redis-cli', '-a', 's3cret-pw', 'ping']).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/Exec redis-cli .*berth-no-such/);
    expect(error.message).toMatch(/no such container/i);
    expect(error.message).not.toContain('s3cret-pw');
  });
});
