import type { Readable } from 'node:stream';
import type { Engine } from './engine';
import { engineMessageOf, statusCodeOf } from './engine-error';
import { decodeTrace } from './buildkit-trace';
import { followProgress, ProgressStreamError, type ProgressEvent } from './progress-stream';
import type { EngineAuth } from './registry';

/** The query of `POST /build` berth sends (API 1.41 names). */
export interface EngineBuildQuery {
  t: string;
  dockerfile: string;
  buildargs?: Record<string, string>;
  target?: string;
  nocache?: boolean;
  pull?: boolean;
  platform?: string;
  /** Network for `RUN` steps (`host`, `none`, a network name); default the engine's bridge. */
  networkmode?: string;
  labels?: Record<string, string>;
  /** `"2"` asks for BuildKit (through a session), `"1"` for the classic builder. */
  version: '1' | '2';
  rm: boolean;
  forcerm: boolean;
}

/** Extras of {@link buildImageStream}. */
export interface BuildStreamOptions {
  /** Credentials per registry for `FROM` images (`X-Registry-Config`, classic builder). */
  registryConfig?: Record<string, EngineAuth>;
  /** Credentials the BuildKit session hands out (one registry; BuildKit builds only). */
  sessionAuth?: EngineAuth;
  /** Each line of build output, as the user would read it. */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

/** A build failed: the failing step, its last output lines and the exit code, when known. */
export class BuildStreamError extends Error {
  constructor(
    message: string,
    readonly step: string | undefined,
    readonly exitCode: number | undefined,
    readonly lines: readonly string[],
    readonly kind: ProgressStreamError['kind'] | 'request',
    readonly statusCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const KEEP_LINES = 20;

/** Tracks steps and output of a classic or BuildKit build stream. */
class BuildTracker {
  step: string | undefined;
  lines: string[] = [];
  imageId: string | undefined;
  private readonly vertexNames = new Map<string, string>();
  private readonly vertexLines = new Map<string, string[]>();
  private failedVertex: string | undefined;

  constructor(private readonly onLine: (line: string) => void) {}

  private push(target: string[], text: string): void {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      target.push(line);
      if (target.length > KEEP_LINES) target.shift();
      this.onLine(line);
    }
  }

  onEvent(event: ProgressEvent): void {
    const aux = event.aux as { ID?: string } | string | undefined;
    if (event.id === 'moby.buildkit.trace' && typeof aux === 'string') return this.onTrace(aux);
    if (aux && typeof aux === 'object' && typeof aux.ID === 'string') this.imageId = aux.ID;
    if (typeof event.stream === 'string') {
      const step = /^Step \d+\/\d+ : (.*)$/m.exec(event.stream);
      if (step?.[1]) {
        this.step = step[1].trim();
        this.lines = [];
      }
      this.push(this.lines, event.stream);
    } else if (event.status && !event.errorDetail) {
      this.onLine(`${event.id ? `${event.id}: ` : ''}${event.status}`);
    }
  }

  private onTrace(aux: string): void {
    const status = decodeTrace(aux);
    for (const v of status.vertexes) {
      if (!this.vertexNames.has(v.digest)) this.onLine(v.name);
      this.vertexNames.set(v.digest, v.name);
      if (v.error && !this.failedVertex) this.failedVertex = v.digest;
    }
    for (const log of status.logs) {
      const lines = this.vertexLines.get(log.vertex) ?? [];
      this.push(lines, log.message);
      this.vertexLines.set(log.vertex, lines);
    }
  }

  failure(message: string): { step: string | undefined; lines: string[] } {
    if (this.failedVertex) {
      return { step: this.vertexNames.get(this.failedVertex), lines: this.vertexLines.get(this.failedVertex) ?? [] };
    }
    return { step: this.step, lines: this.lines.filter((l) => !l.includes(message)) };
  }
}

/** The exit code in a build error: classic "returned a non-zero code: N", BuildKit "exit code: N". */
export function exitCodeOf(event: ProgressEvent | undefined, message: string): number | undefined {
  if (typeof event?.errorDetail?.code === 'number' && event.errorDetail.code !== 0) return event.errorDetail.code;
  const m = /non-zero code: (\d+)|exit code: (\d+)/.exec(message);
  const code = m?.[1] ?? m?.[2];
  return code === undefined ? undefined : Number(code);
}

/**
 * Runs `POST /build` with a tar context and follows its output to the end. Resolves the new image
 * id; an error in the stream rejects with {@link BuildStreamError} naming the failing step.
 */
export async function buildImageStream(
  engine: Engine,
  context: Readable,
  query: EngineBuildQuery,
  options: BuildStreamOptions = {},
): Promise<string | undefined> {
  const tracker = new BuildTracker(options.onLine ?? (() => undefined));
  const opts: Record<string, unknown> = { ...query, abortSignal: options.signal };
  if (options.registryConfig && Object.keys(options.registryConfig).length) opts['registryconfig'] = options.registryConfig;
  if (query.version === '2' && options.sessionAuth) opts['authconfig'] = options.sessionAuth;
  let stream: Readable;
  try {
    stream = (await engine.api.buildImage(context, opts)) as unknown as Readable;
  } catch (error) {
    const message = engineMessageOf(error);
    throw new BuildStreamError(message, undefined, undefined, [], options.signal?.aborted ? 'aborted' : 'request', statusCodeOf(error), {
      cause: error,
    });
  }
  try {
    await followProgress(stream, { onEvent: (e) => tracker.onEvent(e), signal: options.signal });
  } catch (error) {
    const e = error as ProgressStreamError;
    const { step, lines } = tracker.failure(e.message);
    throw new BuildStreamError(e.message, step, exitCodeOf(e.event, e.message), lines, e.kind, undefined, { cause: error });
  }
  return tracker.imageId;
}
