import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

/** Marks every resource berth creates (`true`). Shared with testcontainers so its tools recognise them. */
export const LABEL_TESTCONTAINERS = 'org.testcontainers';
/** The language of the library that created the resource (`node`). */
export const LABEL_TESTCONTAINERS_LANG = 'org.testcontainers.lang';
/** The version of the library that created the resource. */
export const LABEL_TESTCONTAINERS_VERSION = 'org.testcontainers.version';
/** The session that owns the resource; the session's cleanup removes it. */
export const LABEL_TESTCONTAINERS_SESSION_ID = 'org.testcontainers.session-id';
/** The hash of a reusable container's configuration. */
export const LABEL_TESTCONTAINERS_CONTAINER_HASH = 'org.testcontainers.container-hash';
/** Marks a resource as created by berth (`true`). */
export const LABEL_BERTH = 'dev.berth';
/** The source line (file:line) of the code that created the resource, for the leak report. */
export const LABEL_BERTH_CREATED_BY = 'dev.berth.created-by';
/** The process id of the session owner. */
export const LABEL_BERTH_OWNER_PID = 'dev.berth.owner-pid';
/** The machine (host name and pid namespace) the session owner runs on: pids are only comparable within it. */
export const LABEL_BERTH_OWNER_HOST = 'dev.berth.owner-host';
/** The owner machine's boot id (Linux `/proc/sys/kernel/random/boot_id`): a reboot ends every session. */
export const LABEL_BERTH_OWNER_BOOT = 'dev.berth.owner-boot';
/** The owner process's start time in clock ticks since boot (Linux): guards against pid reuse. */
export const LABEL_BERTH_OWNER_START = 'dev.berth.owner-start';

/** The library version that goes into {@link LABEL_TESTCONTAINERS_VERSION}. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const BERTH_VERSION: string = (require('../package.json') as { version: string }).version;

/** A 12-hex-char random id (first 12 chars of the sha256 of a random UUID), like testcontainers' `randomUuid`. */
export function randomUuid(): string {
  return createHash('sha256').update(randomUUID()).digest('hex').slice(0, 12);
}

/** Labels every berth resource carries, session or not. */
export function standardLabels(): Record<string, string> {
  return {
    [LABEL_TESTCONTAINERS]: 'true',
    [LABEL_TESTCONTAINERS_LANG]: 'node',
    [LABEL_TESTCONTAINERS_VERSION]: BERTH_VERSION,
    [LABEL_BERTH]: 'true',
  };
}

/** Labels that tie a resource to a session, so the session's cleanup removes it. */
export function sessionLabels(sessionId: string): Record<string, string> {
  return { [LABEL_TESTCONTAINERS_SESSION_ID]: sessionId, ...ownerLabels() };
}

/** Reads a process's start time (clock ticks since boot, `/proc/<pid>/stat` field 22); undefined off Linux. */
export function processStartTicks(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** This machine's boot id (Linux), or undefined. */
export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** This machine's identity for owner labels: host name plus pid namespace (`host#pid:[4026531836]`). */
export function ownerHostId(): string {
  let ns = '';
  try {
    ns = readlinkSync('/proc/self/ns/pid');
  } catch {
    // not Linux
  }
  return ns ? `${hostname()}#${ns}` : hostname();
}

let owner: Record<string, string> | undefined;

/** Labels naming the process that owns the session (pid, host, boot id, start time), for stale-session cleanup. */
export function ownerLabels(): Record<string, string> {
  if (!owner || owner[LABEL_BERTH_OWNER_PID] !== String(process.pid)) {
    const boot = bootId();
    const start = processStartTicks('self');
    owner = {
      [LABEL_BERTH_OWNER_PID]: String(process.pid),
      [LABEL_BERTH_OWNER_HOST]: ownerHostId(),
      ...(boot ? { [LABEL_BERTH_OWNER_BOOT]: boot } : {}),
      ...(start ? { [LABEL_BERTH_OWNER_START]: start } : {}),
    };
  }
  return owner;
}
