import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { encodeLaunch, type WatchdogLaunch } from './watchdog-main';

/**
 * How to run the watchdog script: the compiled `watchdog-main.js` next to this file, or, when berth
 * runs from its TypeScript sources (ts-jest, tsx), `watchdog-main.ts` under tsx's require hook.
 */
export function watchdogCommand(dir: string = __dirname): string[] {
  const js = path.join(dir, 'watchdog-main.js');
  if (existsSync(js)) return [js];
  return ['--require', require.resolve('tsx/cjs'), path.join(dir, 'watchdog-main.ts')];
}

/** The watchdog's log is appended to by every watchdog of the engine; past this size it starts over. */
export const WATCHDOG_LOG_MAX_BYTES = 1024 * 1024;

/** Moves a log over {@link WATCHDOG_LOG_MAX_BYTES} to `<log>.old` (one generation kept). */
export function rotateLog(logFile: string, maxBytes = WATCHDOG_LOG_MAX_BYTES): void {
  try {
    if (statSync(logFile).size > maxBytes) renameSync(logFile, `${logFile}.old`);
  } catch {
    // no log yet, or another process rotated it first
  }
}

/** Starts a watchdog detached from this process (its own process group, no stdio, unref'd). */
export function spawnWatchdog(launch: WatchdogLaunch): number | undefined {
  rotateLog(launch.address.logFile);
  const log = openSync(launch.address.logFile, 'a');
  try {
    const child = spawn(process.execPath, [...watchdogCommand(), encodeLaunch(launch)], {
      detached: true,
      stdio: ['ignore', log, log],
      windowsHide: true,
      cwd: path.dirname(launch.address.logFile),
    });
    child.on('error', () => undefined);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}
