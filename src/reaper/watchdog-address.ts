import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import type { EngineEndpoint } from '../engine/endpoint';

/** Where the watchdog of one engine listens and logs. */
export interface WatchdogAddress {
  /** Key of the engine: the first 12 hex chars of the sha256 of its URL (and TLS folder). */
  key: string;
  /** The unix socket path (a named pipe on Windows). */
  socket: string;
  /** The watchdog's log file. */
  logFile: string;
  /** The folder of the lock taken while replacing a dead watchdog's socket file. */
  lockDir: string;
}

function userTag(): string {
  try {
    return typeof process.getuid === 'function' ? String(process.getuid()) : userInfo().username;
  } catch {
    return 'user';
  }
}

/** The state folder, `<tmpdir>/berth-<uid>` (mode 0700: only this user can reach the watchdog's socket). */
export function stateDir(base: string = tmpdir()): string {
  const dir = path.join(base, `berth-${userTag()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The engine key: one watchdog per engine per user per machine. */
export function engineKey(endpoint: Pick<EngineEndpoint, 'url' | 'tls'>): string {
  return createHash('sha256')
    .update(`${endpoint.url}\n${endpoint.tls?.certPath ?? ''}`)
    .digest('hex')
    .slice(0, 12);
}

/** The address of the watchdog for an engine. */
export function watchdogAddress(endpoint: Pick<EngineEndpoint, 'url' | 'tls'>, base?: string): WatchdogAddress {
  const key = engineKey(endpoint);
  const dir = stateDir(base);
  const socket =
    process.platform === 'win32' ? `\\\\.\\pipe\\berth-watchdog-${userTag()}-${key}` : path.join(dir, `watchdog-${key}.sock`);
  return { key, socket, logFile: path.join(dir, `watchdog-${key}.log`), lockDir: path.join(dir, `watchdog-${key}.lock`) };
}
