import type { Readable } from 'node:stream';
import type { Engine } from './engine';
import { engineMessageOf, statusCodeOf } from './engine-error';
import { followProgress, ProgressStreamError, type ProgressEvent } from './progress-stream';

/** Credentials sent to the engine for one registry (the `X-Registry-Auth` payload). Never log it. */
export interface EngineAuth {
  username?: string;
  password?: string;
  /** An OAuth identity token (from `docker login` with a token, or a helper's `<token>` user). */
  identitytoken?: string;
  /** The registry, e.g. `127.0.0.1:5000` or `https://index.docker.io/v1/`. */
  serveraddress: string;
}

/** Options shared by pull and push. */
export interface TransferOptions {
  auth?: EngineAuth;
  /** e.g. `linux/amd64` (pull only). */
  platform?: string;
  /** Bound for the whole transfer, including the wait for the engine's first answer. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: ProgressEvent) => void;
}

/** A transfer failed: the engine's message, and whether it was a timeout or abort. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly kind: ProgressStreamError['kind'] | 'request',
    readonly statusCode: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

let enginePulls = 0;

/** @internal How many pull requests this process sent to the engine (for single-flight tests). */
export function enginePullCount(): number {
  return enginePulls;
}

async function transfer(
  what: string,
  options: TransferOptions,
  open: (signal: AbortSignal) => Promise<Readable>,
): Promise<ProgressEvent[]> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    if (options.timeoutMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort();
      reject(new TransferError(`${what}: no answer from the engine within ${options.timeoutMs} ms`, 'timeout', undefined));
    }, options.timeoutMs);
    timer.unref();
  });
  timedOut.catch(() => undefined);
  try {
    let stream: Readable;
    try {
      stream = await Promise.race([open(controller.signal), timedOut]);
    } catch (error) {
      if (error instanceof TransferError) throw error;
      const kind = controller.signal.aborted ? 'aborted' : 'request';
      throw new TransferError(engineMessageOf(error), kind, statusCodeOf(error), { cause: error });
    }
    const remaining = options.timeoutMs === undefined ? undefined : Math.max(1, options.timeoutMs - (Date.now() - started));
    try {
      return await followProgress(stream, { onEvent: options.onEvent, timeoutMs: remaining, signal: controller.signal });
    } catch (error) {
      const e = error as ProgressStreamError;
      const message = e.kind === 'timeout' ? `${what}: no result within ${options.timeoutMs} ms` : e.message;
      throw new TransferError(message, e.kind, undefined, { cause: error });
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Pulls `repository` at `tagOrDigest` (`POST /images/create`) and resolves when the engine reports
 * the end of the pull. Errors inside the progress stream, timeouts and aborts reject with {@link TransferError}.
 */
export function pullImageStream(
  engine: Engine,
  repository: string,
  tagOrDigest: string,
  options: TransferOptions = {},
): Promise<ProgressEvent[]> {
  return transfer(`Pull ${repository}`, options, async (signal) => {
    enginePulls += 1;
    const query: Record<string, unknown> = { fromImage: repository, tag: tagOrDigest, abortSignal: signal };
    if (options.platform) query['platform'] = options.platform;
    return (await engine.api.createImage(options.auth as object, query)) as unknown as Readable;
  });
}

/** Pushes `repository:tag` (`POST /images/{name}/push`) with the same error rules as {@link pullImageStream}. */
export function pushImageStream(engine: Engine, repository: string, tag: string, options: TransferOptions = {}): Promise<ProgressEvent[]> {
  return transfer(`Push ${repository}:${tag}`, options, async (signal) => {
    const image = engine.api.getImage(repository);
    const opts = { tag, authconfig: options.auth, abortSignal: signal };
    return (await image.push(opts)) as unknown as Readable;
  });
}

/** Checks credentials with the engine's `POST /auth`. Resolves the engine's status, rejects with its message. */
export async function checkAuth(engine: Engine, auth: EngineAuth): Promise<{ status: string; identityToken?: string }> {
  const result = (await engine.api.checkAuth({ ...auth })) as { Status?: string; IdentityToken?: string };
  return { status: result.Status ?? '', identityToken: result.IdentityToken || undefined };
}

/** One result of the engine's `GET /images/search`. */
export interface EngineSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
}

/** Searches Docker Hub through the engine (`GET /images/search`). */
export async function searchHub(engine: Engine, term: string, limit: number, auth?: EngineAuth): Promise<EngineSearchResult[]> {
  const opts: Record<string, unknown> = { term, limit };
  if (auth) opts['authconfig'] = auth;
  return (await engine.api.searchImages(opts)) as EngineSearchResult[];
}
