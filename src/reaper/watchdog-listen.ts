import { mkdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import type { WatchdogAddress } from './watchdog-address';

/** Outcome of trying to become the watchdog for an address. */
export type ListenOutcome = { status: 'listening'; server: net.Server } | { status: 'taken' };

function listenOnce(server: net.Server, socket: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException): void => resolve(error);
    server.once('error', onError);
    server.listen(socket, () => {
      server.off('error', onError);
      resolve(undefined);
    });
  });
}

/** Whether something answers on a socket. */
export function answers(socket: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(socket);
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** A lock older than this belongs to a watchdog that died while taking over. */
const STALE_LOCK_MS = 10_000;

function mkdirLock(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
    return true;
  } catch {
    return false;
  }
}

/** Whether the lock folder is older than {@link STALE_LOCK_MS} (false when it is gone). */
function lockIsStale(lockDir: string): boolean {
  try {
    return Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

/**
 * Takes the lock folder. A stale lock is broken and taken in the same call: the watchdog that breaks
 * it is the one a client just started, and the client starts only one, so giving up here would leave
 * the address unserved until the client's timeout.
 */
function takeLock(lockDir: string): boolean {
  if (mkdirLock(lockDir)) return true;
  if (!lockIsStale(lockDir)) return false;
  rmSync(lockDir, { recursive: true, force: true });
  return mkdirLock(lockDir);
}

/**
 * Binds the watchdog's socket. Binding is exclusive, so at most one watchdog per address runs. A
 * socket file left by a dead watchdog (nothing answers) is replaced under a lock folder, so two
 * watchdogs started at once never both replace it.
 */
export async function listenExclusive(address: WatchdogAddress, server: net.Server): Promise<ListenOutcome> {
  const first = await listenOnce(server, address.socket);
  if (!first) return { status: 'listening', server };
  if (first.code !== 'EADDRINUSE' || process.platform === 'win32') return { status: 'taken' };
  if (await answers(address.socket)) return { status: 'taken' };
  if (!takeLock(address.lockDir)) return { status: 'taken' };
  try {
    if (await answers(address.socket)) return { status: 'taken' };
    try {
      unlinkSync(address.socket);
    } catch {
      // already gone
    }
    const second = await listenOnce(server, address.socket);
    return second ? { status: 'taken' } : { status: 'listening', server };
  } finally {
    rmSync(address.lockDir, { recursive: true, force: true });
  }
}
