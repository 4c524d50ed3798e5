import type { Duplex } from 'node:stream';
import type { Engine } from './engine';
import { engineCall, toEngineError } from './engine-error';
import { FrameDemuxer } from './demux';

/** How to run a command in a container. */
export interface EngineExecOptions {
  workingDir?: string;
  user?: string;
  /** `KEY=value` entries. */
  env?: string[];
  /** Cancels the command's output collection (the process inside may keep running). */
  signal?: AbortSignal;
}

/** What a finished command produced. */
export interface EngineExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order the engine delivered them. */
  output: string;
}

function collect(stream: Duplex, signal: AbortSignal | undefined): Promise<EngineExecResult> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const all: Buffer[] = [];
    const demuxer = new FrameDemuxer((which, data) => {
      (which === 'stdout' ? out : err).push(data);
      all.push(data);
    });
    const onAbort = (): void => {
      stream.destroy();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        output: Buffer.concat(all).toString('utf8'),
      });
    };
    stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

/** Runs `command` (no shell) in a running container and collects its output and exit code. */
export async function execInContainer(
  engine: Engine,
  id: string,
  command: readonly string[],
  options: EngineExecOptions = {},
): Promise<EngineExecResult> {
  // Only the program: arguments may carry secrets (`redis-cli -a <password>`) and errors get logged.
  const what = `Exec ${command[0] ?? ''} (${command.length - 1} arguments not shown) in container ${id.slice(0, 12)}`;
  const exec = await engineCall(what, () =>
    engine.api.getContainer(id).exec({
      Cmd: [...command],
      AttachStdout: true,
      AttachStderr: true,
      AttachStdin: false,
      Tty: false,
      ...(options.workingDir ? { WorkingDir: options.workingDir } : {}),
      ...(options.user ? { User: options.user } : {}),
      ...(options.env?.length ? { Env: options.env } : {}),
    }),
  );
  let stream: Duplex;
  try {
    stream = await exec.start({ hijack: true, stdin: false });
  } catch (error) {
    throw toEngineError(what, error);
  }
  const result = await collect(stream, options.signal);
  const info = await engineCall(what, () => exec.inspect());
  return { ...result, exitCode: typeof info.ExitCode === 'number' ? info.ExitCode : -1 };
}
