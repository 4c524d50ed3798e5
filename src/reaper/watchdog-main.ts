/**
 * The watchdog process's entry point (`node dist/reaper/watchdog-main.js <options>`; from source it
 * runs under tsx). Started detached by the first test process that needs it; see docs/reaper.md.
 */
import { appendFileSync } from 'node:fs';
import type { EngineEndpoint } from '../engine/endpoint';
import { resourceStoreForEndpoint } from '../engine/prune';
import { localHostFacts } from './stale';
import type { WatchdogAddress } from './watchdog-address';
import { startWatchdog } from './watchdog-server';

/** The options a test process hands to the watchdog it starts (one JSON argument, base64). */
export interface WatchdogLaunch {
  address: WatchdogAddress;
  endpoint: EngineEndpoint;
  apiVersion?: string;
  staleTtlMs: number;
  idleExitMs: number;
}

/** Encodes launch options for the command line. */
export function encodeLaunch(launch: WatchdogLaunch): string {
  return Buffer.from(JSON.stringify(launch)).toString('base64');
}

async function main(arg: string | undefined): Promise<void> {
  if (!arg) throw new Error('usage: watchdog-main <base64 launch options>');
  const launch = JSON.parse(Buffer.from(arg, 'base64').toString('utf8')) as WatchdogLaunch;
  const log = (message: string): void => {
    try {
      appendFileSync(launch.address.logFile, `${new Date().toISOString()} [${process.pid}] ${message}\n`);
    } catch {
      // logging is best effort
    }
  };
  process.on('SIGHUP', () => undefined);
  const watchdog = await startWatchdog({
    address: launch.address,
    store: resourceStoreForEndpoint(launch.endpoint, launch.apiVersion),
    facts: localHostFacts(),
    staleTtlMs: launch.staleTtlMs,
    idleExitMs: launch.idleExitMs,
    log,
  });
  if (!watchdog) {
    log('another watchdog serves this engine: exiting');
    return;
  }
  await watchdog.closed;
  process.exit(0);
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`berth watchdog failed: ${String(error)}\n`);
    process.exit(1);
  });
}
