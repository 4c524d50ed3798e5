import net from 'node:net';
import type { ResourceStore } from '../engine/prune';
import { reapSession, sweepStaleSessions, type ReapOptions } from './reap';
import type { HostFacts } from './stale';
import type { WatchdogAddress } from './watchdog-address';
import { listenExclusive } from './watchdog-listen';
import { encodeMessage, lineReader, parseRequest } from './watchdog-protocol';

/** What a watchdog needs: where to listen, how to reach the engine, and its timings. */
export interface WatchdogOptions {
  address: WatchdogAddress;
  store: ResourceStore;
  facts: HostFacts;
  /** Age after which a session owned on another machine is stale. */
  staleTtlMs: number;
  /** Exit after this long without connections or pending cleanup. */
  idleExitMs: number;
  reap?: ReapOptions;
  log: (message: string) => void;
}

/** A running watchdog. */
export interface Watchdog {
  /** Sessions with a live connection. */
  liveSessions(): string[];
  /** Resolves when the watchdog has stopped (idle, or {@link Watchdog.close}). */
  closed: Promise<void>;
  close(): void;
}

/**
 * Runs the watchdog: accepts test processes' connections; when one closes (clean exit or SIGKILL
 * alike), removes everything labelled with its session ids. Sweeps stale sessions at start and on
 * each new session. Resolves `undefined` when another watchdog already serves the address.
 */
export async function startWatchdog(options: WatchdogOptions): Promise<Watchdog | undefined> {
  const { store, facts, log } = options;
  const live = new Map<string, number>();
  let connections = 0;
  let pending = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let sweepAgain = false;
  let stopped = false;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const server = net.createServer((socket) => {
    connections++;
    armIdle();
    const sessions = new Set<string>();
    socket.on('data', lineReader((line) => {
      const request = parseRequest(line);
      if (!request) return;
      if (request.type === 'status') {
        socket.write(encodeMessage({ type: 'status', pid: process.pid, sessions: [...live.keys()] }));
        return;
      }
      // Counted once per connection: a repeated hello must not keep the session live after it closes.
      if (!sessions.has(request.session)) {
        sessions.add(request.session);
        live.set(request.session, (live.get(request.session) ?? 0) + 1);
        log(`session ${request.session} (pid ${request.pid}) connected`);
      }
      socket.write(encodeMessage({ type: 'ack', session: request.session, pid: process.pid }));
      sweep();
    }));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connections--;
      for (const session of sessions) {
        const left = (live.get(session) ?? 1) - 1;
        if (left > 0) live.set(session, left);
        else live.delete(session);
        if (left <= 0) reap(session);
      }
      armIdle();
    });
  });

  function reap(session: string): void {
    pending++;
    const started = Date.now();
    reapSession(store, session, options.reap)
      .then((r) => {
        const names = r.removed.map((x) => `${x.kind} ${x.name}`).join(', ');
        log(`session ${session} ended: removed ${r.removed.length} in ${Date.now() - started} ms${names ? ` (${names})` : ''}`);
        for (const f of r.failed) log(`session ${session}: could not remove ${f.resource.kind} ${f.resource.name}: ${f.reason}`);
      })
      .catch((error: unknown) => log(`session ${session}: cleanup failed: ${String(error)}`))
      .finally(() => {
        pending--;
        armIdle();
      });
  }

  function sweep(): void {
    if (sweeping) {
      sweepAgain = true;
      return;
    }
    pending++;
    sweeping = sweepStaleSessions(store, new Set(live.keys()), facts, options.staleTtlMs, options.reap)
      .then((results) => {
        for (const s of results) log(`stale session ${s.sessionId} (${s.reason}): removed ${s.removed.length}`);
      })
      .catch((error: unknown) => log(`stale-session sweep failed: ${String(error)}`))
      .finally(() => {
        pending--;
        sweeping = undefined;
        if (sweepAgain) {
          sweepAgain = false;
          sweep();
        }
        armIdle();
      });
  }

  let serverClosed = false;
  function settle(): void {
    // The process exits when `closed` resolves: never with a cleanup still running. The server's close
    // callback can run before the last socket's 'close' handler has started that socket's cleanup.
    if (serverClosed && connections === 0 && pending === 0) resolveClosed();
  }

  function armIdle(): void {
    settle();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    if (stopped || connections > 0 || pending > 0) return;
    idleTimer = setTimeout(close, options.idleExitMs);
    idleTimer.unref();
  }

  function close(): void {
    if (stopped) return;
    stopped = true;
    if (idleTimer) clearTimeout(idleTimer);
    server.close(() => {
      serverClosed = true;
      settle();
    });
    log('watchdog stopping');
  }

  const outcome = await listenExclusive(options.address, server);
  if (outcome.status === 'taken') return undefined;
  log(`watchdog ${process.pid} listening on ${options.address.socket}`);
  sweep();
  return { liveSessions: () => [...live.keys()], closed, close };
}
