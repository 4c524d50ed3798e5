import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { InvalidArgumentError, WaitStrategyError } from '../errors';
import { createLogger } from '../logger';
import { AbstractWaitStrategy } from './abstract-wait-strategy';
import { pollInterval, sleep, throwIfAborted } from './abort';
import { hasExited } from './container-events';
import { httpProbe } from './http-probe';
import type { HttpProbeResponse } from './http-probe';
import type { WaitTarget } from './wait-target';

const logger = createLogger('berth:wait');

/** Options of `Wait.forHttp(path, port, options)`. */
export interface HttpWaitStrategyOptions {
  /**
   * Check the container's state after each failed request and fail when it has exited. berth
   * always races the container's exit anyway; this also makes the strategy check on its own.
   */
  abortOnContainerExit?: boolean;
}

/**
 * Waits until an HTTP(S) request to a container port gets the expected answer (by default any
 * 2xx status). Uses Node's http/https with one agent per wait, destroyed afterwards.
 */
export class HttpWaitStrategy extends AbstractWaitStrategy {
  private readonly statusPredicates: ((status: number) => boolean)[] = [];
  private readonly bodyPredicates: ((body: string) => boolean | Promise<boolean>)[] = [];
  private method = 'GET';
  private headers: Record<string, string> = {};
  private readTimeoutMs = 1_000;
  private tls = false;
  private insecure = false;

  constructor(
    private readonly path: string,
    private readonly port: number,
    private readonly options: HttpWaitStrategyOptions = { abortOnContainerExit: false },
  ) {
    super();
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new InvalidArgumentError('HTTP wait path', path, 'a path starting with "/"');
    }
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new InvalidArgumentError('HTTP wait port', port, 'a container port between 1 and 65535');
    }
  }

  /** Accept this status code (several calls accept any of them). Replaces the 2xx default. */
  forStatusCode(statusCode: number): this {
    this.statusPredicates.push((status) => status === statusCode);
    return this;
  }

  /** Accept status codes for which `predicate` is true. Replaces the 2xx default. */
  forStatusCodeMatching(predicate: (statusCode: number) => boolean): this {
    this.statusPredicates.push(predicate);
    return this;
  }

  /** Also require `predicate(body)` to hold. Replaces the 2xx default unless a status is set. */
  forResponsePredicate(predicate: (body: string) => boolean | Promise<boolean>): this {
    this.bodyPredicates.push(predicate);
    return this;
  }

  /** The request method (default `GET`). */
  withMethod(method: string): this {
    this.method = method.toUpperCase();
    return this;
  }

  /** Adds request headers (merged with earlier ones). */
  withHeaders(headers: Readonly<Record<string, string>>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }

  /** Sends basic authentication. */
  withBasicCredentials(username: string, password: string): this {
    const token = Buffer.from(`${username}:${password}`).toString('base64');
    return this.withHeaders({ Authorization: `Basic ${token}` });
  }

  /** Per-request timeout in ms (default 1000); also the longest pause between attempts. */
  withReadTimeout(readTimeoutMs: number): this {
    if (!Number.isFinite(readTimeoutMs) || readTimeoutMs <= 0) {
      throw new InvalidArgumentError('HTTP read timeout', readTimeoutMs, 'a positive number of milliseconds');
    }
    this.readTimeoutMs = readTimeoutMs;
    return this;
  }

  /** Uses HTTPS. */
  usingTls(): this {
    this.tls = true;
    return this;
  }

  /** Accepts any TLS certificate (self-signed ones included). */
  allowInsecure(): this {
    this.insecure = true;
    return this;
  }

  /** Resolves on the first accepted response; rejects at once when the port is not published. */
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    const port = this.publishedPort(target);
    const agent = this.tls ? new HttpsAgent({ rejectUnauthorized: !this.insecure, keepAlive: false }) : new HttpAgent({ keepAlive: false });
    const started = Date.now();
    let lastProblem: string | undefined;
    try {
      for (;;) {
        throwIfAborted(signal);
        const problem = await this.attempt(target, port, agent, signal);
        if (problem === undefined) return;
        if (problem !== lastProblem) {
          lastProblem = problem;
          logger.trace(`${this.describe()}: ${problem}`, { containerId: target.id });
        }
        if (this.options.abortOnContainerExit && hasExited(await target.state(signal))) {
          throw new WaitStrategyError(this.describe(), `the container exited during the HTTP check (last attempt: ${problem})`);
        }
        await sleep(Math.min(this.readTimeoutMs, pollInterval(Date.now() - started)), signal);
      }
    } finally {
      agent.destroy();
    }
  }

  /** e.g. `HTTPS GET /health on port 8443`. */
  describe(): string {
    return `${this.tls ? 'HTTPS' : 'HTTP'} ${this.method} ${this.path} on port ${this.port}`;
  }

  /** One request; undefined when accepted, else why not. */
  /** The host port of the checked container port: a wait on a port that is not published cannot succeed. */
  private publishedPort(target: WaitTarget): number {
    try {
      return target.mappedPort(this.port);
    } catch (error) {
      throw new WaitStrategyError(this.describe(), `container port ${this.port} is not published: add it with withExposedPorts(${this.port})`, {
        cause: error,
      });
    }
  }

  private async attempt(target: WaitTarget, port: number, agent: HttpAgent, signal: AbortSignal): Promise<string | undefined> {
    let response: HttpProbeResponse;
    try {
      response = await httpProbe({
        tls: this.tls,
        host: target.host,
        port,
        path: this.path,
        method: this.method,
        headers: this.headers,
        timeoutMs: this.readTimeoutMs,
        agent,
        signal,
      });
    } catch (error) {
      throwIfAborted(signal);
      return error instanceof Error ? error.message : String(error);
    }
    if (!this.statusAccepted(response.status)) return `status ${response.status}`;
    for (const predicate of this.bodyPredicates) {
      if (!(await predicate(response.body))) return `response predicate false (status ${response.status})`;
    }
    return undefined;
  }

  private statusAccepted(status: number): boolean {
    if (this.statusPredicates.length > 0) return this.statusPredicates.some((accept) => accept(status));
    return this.bodyPredicates.length > 0 || (status >= 200 && status < 300);
  }
}
