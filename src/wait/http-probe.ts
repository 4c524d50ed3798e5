import { request as httpRequest } from 'node:http';
import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Agent as HttpsAgent } from 'node:https';
import { abortReason } from './abort';

/** One HTTP request of an HTTP wait. */
export interface HttpProbeRequest {
  tls: boolean;
  host: string;
  port: number;
  path: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  /** The whole request (connect, headers, body) must finish within this many ms. */
  timeoutMs: number;
  agent: HttpAgent | HttpsAgent;
  signal: AbortSignal;
}

/** What the server answered. */
export interface HttpProbeResponse {
  status: number;
  body: string;
}

/** Largest body kept for response predicates. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Sends one request with Node's http/https; rejects on network errors, timeouts and aborts. */
export function httpProbe(req: HttpProbeRequest): Promise<HttpProbeResponse> {
  return new Promise<HttpProbeResponse>((resolve, reject) => {
    if (req.signal.aborted) {
      reject(abortReason(req.signal));
      return;
    }
    const send = req.tls ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (outcome: HttpProbeResponse | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal.removeEventListener('abort', onAbort);
      if (outcome instanceof Error) {
        client.destroy();
        reject(outcome);
      } else resolve(outcome);
    };
    const onAbort = (): void => finish(abortReason(req.signal));
    const timer = setTimeout(() => finish(new Error(`no response within ${req.timeoutMs} ms`)), req.timeoutMs);
    const client = send({
      host: req.host,
      port: req.port,
      path: req.path,
      method: req.method,
      headers: req.headers,
      agent: req.agent,
    });
    client.on('error', (error) => finish(error));
    client.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on('error', (error) => finish(error));
      response.on('end', () => finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.signal.addEventListener('abort', onAbort, { once: true });
    client.end();
  });
}
