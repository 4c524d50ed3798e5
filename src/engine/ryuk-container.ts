import type { Engine } from './engine';
import { toEngineError } from './engine-error';

/** What starting Ryuk needs. */
export interface RyukSpec {
  image: string;
  name: string;
  labels: Record<string, string>;
  /** How long to wait for Ryuk's "Started" log line, ms. */
  timeoutMs: number;
}

/** The engine's own socket path, bind-mounted into Ryuk (API-COMPAT 2.5). */
export function remoteSocketPath(engine: Engine): string {
  const url = engine.endpoint.url;
  return url.startsWith('unix://') ? url.slice('unix://'.length) : '/var/run/docker.sock';
}

/**
 * Starts a Ryuk container (auto-removed, socket bind-mounted, 8080 published on a random port), waits
 * for its "Started" log line and returns the host port; a running one of that name is reused. Removes
 * the container when any step fails.
 */
export async function startRyukContainer(engine: Engine, spec: RyukSpec): Promise<{ id: string; port: number }> {
  // Reconnecting after a dropped connection: the session's Ryuk may still run (for its reconnection timeout).
  const running = await engine.api.getContainer(spec.name).inspect().catch(() => undefined);
  const runningPort = Number(running?.NetworkSettings.Ports?.['8080/tcp']?.[0]?.HostPort);
  if (running?.State.Running && runningPort) return { id: running.Id, port: runningPort };
  let id: string | undefined;
  try {
    const container = await engine.api.createContainer({
      name: spec.name,
      Image: spec.image,
      Labels: spec.labels,
      ExposedPorts: { '8080/tcp': {} },
      HostConfig: {
        AutoRemove: true,
        Binds: [`${remoteSocketPath(engine)}:/var/run/docker.sock`],
        PortBindings: { '8080/tcp': [{ HostIp: engine.isLocal ? '127.0.0.1' : '', HostPort: '' }] },
      },
    });
    id = container.id;
    await container.start();
    const stream = (await container.logs({ follow: true, stdout: true, stderr: true })) as NodeJS.ReadableStream & { destroy(): void };
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => done(new Error(`no "Started" log line within ${spec.timeoutMs} ms`)), spec.timeoutMs);
      const done = (error?: Error): void => {
        clearTimeout(timer);
        stream.destroy();
        if (error) reject(error);
        else resolve();
      };
      stream.on('data', (chunk: Buffer) => {
        seen = (seen + chunk.toString('latin1')).slice(-4096);
        if (/Started/.test(seen)) done();
      });
      stream.on('end', () => done(new Error('Ryuk exited before it started')));
      stream.on('error', (e: Error) => done(e));
    });
    const inspect = await container.inspect();
    const port = Number(inspect.NetworkSettings.Ports?.['8080/tcp']?.[0]?.HostPort);
    if (!port) throw new Error('Ryuk has no published port for 8080/tcp');
    return { id, port };
  } catch (error) {
    if (id) await engine.api.getContainer(id).remove({ force: true }).catch(() => undefined);
    throw toEngineError(`Start Ryuk ${spec.image}`, error);
  }
}
