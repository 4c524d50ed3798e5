import Dockerode from 'dockerode';
import type { VersionResponse } from './api-version';
import { toModemOptions, type EngineEndpoint } from './endpoint';
import { engineMessageOf, statusCodeOf } from './engine-error';

/** The probe of one candidate got no complete `/version` answer before its deadline. */
export class ProbeTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms (connect, TLS/SSH handshake or /version hung)`);
  }
}

/**
 * Asks one candidate for `/version`. Everything (DNS, connect, TLS or SSH handshake, the answer) is
 * bounded by `timeoutMs`: on expiry the request is aborted and its socket destroyed, so a blackholed
 * address neither delays the caller nor keeps the process alive. `stop` aborts it early.
 */
export async function probe(endpoint: EngineEndpoint, timeoutMs: number, stop?: AbortSignal): Promise<VersionResponse> {
  const options = toModemOptions(endpoint, timeoutMs);
  // No docker-modem `timeout`: it assumes a net.Socket (over SSH the stream is an ssh2 channel) and
  // would report a hang as "socket hang up". The deadline below bounds every transport.
  const client = new Dockerode(options);
  const controller = new AbortController();
  const onStop = (): void => controller.abort();
  stop?.addEventListener('abort', onStop, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProbeTimeout(timeoutMs));
      controller.abort();
    }, timeoutMs);
  });
  try {
    // dockerode's typings omit version()'s options; it does accept { abortSignal }.
    const version = client.version.bind(client) as unknown as (opts: { abortSignal: AbortSignal }) => Promise<unknown>;
    const answer = await Promise.race([version({ abortSignal: controller.signal }), expired]);
    if (!answer || typeof answer !== 'object' || !('ApiVersion' in answer || 'Version' in answer)) {
      throw new Error('answered /version, but not like a Docker engine (no ApiVersion)');
    }
    return answer as VersionResponse;
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
    controller.abort();
    options.agent?.destroy();
  }
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/;

/** Turns a probe failure into the reason shown in {@link EngineUnavailableError}: a label, then the raw message. */
export function describeProbeFailure(error: unknown): string {
  if (error instanceof ProbeTimeout) return error.message;
  const e = (error ?? {}) as { code?: unknown; level?: unknown; hostname?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = engineMessageOf(error);
  const status = statusCodeOf(error);
  if (code === 'ECONNREFUSED') return `connection refused: ${message}`;
  if (code === 'ENOENT') return `socket does not exist: ${message}`;
  if (code === 'EACCES') return `permission denied: ${message} (add your user to the docker group, or use rootless Docker)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found: ${message}`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `host unreachable: ${message}`;
  if (code === 'ECONNRESET') return `connection reset: ${message}`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
    return `TLS handshake failed, the address does not speak TLS: ${message} (unset DOCKER_TLS_VERIFY?)`;
  }
  if (CERT_CODES.test(code)) return `TLS certificate rejected: ${message}`;
  if (e.level === 'client-authentication') {
    return `SSH authentication failed: ${message} (load a key into ssh-agent, or put an unencrypted key in ~/.ssh)`;
  }
  if (e.level === 'client-timeout') return `SSH handshake timed out: ${message}`;
  if (/Host denied \(verification failed\)/.test(message)) {
    return `SSH host key not trusted: ${message} (the host is missing from ~/.ssh/known_hosts or its key changed; add it with ssh-keyscan)`;
  }
  if (status === 400 && /HTTPS server/i.test(message)) return `the engine expects TLS: ${message} (set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH)`;
  if (status !== undefined) return `answered /version with HTTP ${status}: ${message} (is this a Docker engine?)`;
  return message;
}
