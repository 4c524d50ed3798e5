import {
  LABEL_BERTH,
  LABEL_BERTH_OWNER_BOOT,
  LABEL_BERTH_OWNER_HOST,
  LABEL_BERTH_OWNER_PID,
  LABEL_BERTH_OWNER_START,
  LABEL_TESTCONTAINERS_SESSION_ID,
  bootId,
  ownerHostId,
  processStartTicks,
} from '../labels';
import type { LabelledResource } from '../engine/prune';

/** What the judge of a session needs to know about the machine it runs on. */
export interface HostFacts {
  /** {@link ownerHostId} of this machine. */
  hostId: string;
  bootId?: string;
  /** Whether a process with this pid exists here. */
  isAlive(pid: number): boolean;
  /** The process's start time in clock ticks since boot, when known. */
  startTicks(pid: number): string | undefined;
}

/** The facts of the machine this code runs on. */
export function localHostFacts(): HostFacts {
  const boot = bootId();
  return {
    hostId: ownerHostId(),
    ...(boot ? { bootId: boot } : {}),
    isAlive(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    startTicks: (pid) => processStartTicks(pid),
  };
}

/** Whether resources with these owner labels belong to a process on this machine (then judged exactly). */
export function ownedHere(labels: Readonly<Record<string, string>>, facts: HostFacts): boolean {
  const host = labels[LABEL_BERTH_OWNER_HOST];
  // A label without a pid namespace (written where none could be read) matches on the host name alone.
  return host !== undefined && (host === facts.hostId || (!host.includes('#') && host === facts.hostId.split('#')[0]));
}

/** Why a session was judged stale (for logs and `berth prune --dry-run`). */
export interface StaleSession {
  sessionId: string;
  reason: string;
}

/**
 * Whether the session that labelled these resources is over. Sessions owned on this machine are
 * judged exactly (boot id, pid, process start time); sessions owned elsewhere only by age (`ttlMs`
 * after their newest resource). Resources without owner labels are never judged stale.
 */
export function judgeSession(
  resources: readonly LabelledResource[],
  facts: HostFacts,
  now: number,
  ttlMs: number,
): string | undefined {
  const labels = resources.find((r) => r.labels[LABEL_BERTH_OWNER_PID])?.labels;
  const pid = Number(labels?.[LABEL_BERTH_OWNER_PID]);
  if (!labels || !Number.isInteger(pid) || pid <= 0) return undefined;
  if (ownedHere(labels, facts)) {
    const boot = labels[LABEL_BERTH_OWNER_BOOT];
    if (boot && facts.bootId && boot !== facts.bootId) return 'the owner machine rebooted';
    if (!facts.isAlive(pid)) return `owner process ${pid} is gone`;
    const start = labels[LABEL_BERTH_OWNER_START];
    const actual = facts.startTicks(pid);
    if (start && actual && start !== actual) return `owner process ${pid} is gone (pid reused)`;
    return undefined;
  }
  const newest = Math.max(...resources.map((r) => r.createdMs));
  if (newest > 0 && now - newest > ttlMs) {
    return `owned on ${labels[LABEL_BERTH_OWNER_HOST] ?? 'another machine'}, newest resource older than ${Math.round(ttlMs / 60_000)} min`;
  }
  return undefined;
}

/** Groups berth resources by session id (resources without one are left out). */
export function groupBySession(resources: readonly LabelledResource[]): Map<string, LabelledResource[]> {
  const groups = new Map<string, LabelledResource[]>();
  for (const r of resources) {
    const id = r.labels[LABEL_TESTCONTAINERS_SESSION_ID];
    if (!id || r.labels[LABEL_BERTH] !== 'true') continue;
    const group = groups.get(id) ?? [];
    group.push(r);
    groups.set(id, group);
  }
  return groups;
}

/** The sessions among `resources` whose owner is gone; sessions in `live` are never stale. */
export function findStaleSessions(
  resources: readonly LabelledResource[],
  live: ReadonlySet<string>,
  facts: HostFacts,
  now: number,
  ttlMs: number,
): StaleSession[] {
  const stale: StaleSession[] = [];
  for (const [sessionId, group] of groupBySession(resources)) {
    if (live.has(sessionId)) continue;
    const reason = judgeSession(group, facts, now, ttlMs);
    if (reason) stale.push({ sessionId, reason });
  }
  return stale;
}
