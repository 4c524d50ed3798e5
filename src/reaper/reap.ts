import { LABEL_BERTH, LABEL_TESTCONTAINERS_SESSION_ID } from '../labels';
import { RESOURCE_KINDS, type LabelledResource, type ResourceStore } from '../engine/prune';
import { findStaleSessions, type HostFacts, type StaleSession } from './stale';

/** The outcome of a cleanup: what was removed and what could not be. */
export interface ReapResult {
  removed: LabelledResource[];
  failed: Array<{ resource: LabelledResource; reason: string }>;
}

/** Removes resources in the safe order (containers, networks, volumes, images); containers in parallel. */
export async function removeResources(store: ResourceStore, resources: readonly LabelledResource[]): Promise<ReapResult> {
  const result: ReapResult = { removed: [], failed: [] };
  for (const kind of RESOURCE_KINDS) {
    const batch = resources.filter((r) => r.kind === kind);
    const outcomes = await Promise.all(batch.map(async (r) => ({ r, outcome: await store.remove(kind, r.id) })));
    for (const { r, outcome } of outcomes) {
      if (outcome.status === 'failed') result.failed.push({ resource: r, reason: outcome.reason });
      else if (outcome.status === 'removed') result.removed.push(r);
    }
  }
  return result;
}

/** Every resource of every kind carrying all the label filters. */
export async function listResources(store: ResourceStore, labelFilters: readonly string[]): Promise<LabelledResource[]> {
  const lists = await Promise.all(RESOURCE_KINDS.map((kind) => store.list(kind, labelFilters)));
  return lists.flat();
}

/** Timing of {@link reapSession}'s passes. */
export interface ReapOptions {
  /** Pause between passes, ms (default 1000). */
  settleMs?: number;
  /** At most this many passes (default 5). */
  maxPasses?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Removes everything labelled with a session id. Runs at least two passes, `settleMs` apart, so that a
 * resource whose create request was in flight when the owner died is caught too; stops after a pass
 * that finds nothing.
 */
export async function reapSession(store: ResourceStore, sessionId: string, options: ReapOptions = {}): Promise<ReapResult> {
  const { settleMs = 1000, maxPasses = 5, sleep = defaultSleep } = options;
  const total: ReapResult = { removed: [], failed: [] };
  const filters = [`${LABEL_TESTCONTAINERS_SESSION_ID}=${sessionId}`];
  for (let pass = 0; pass < maxPasses; pass++) {
    if (pass > 0) await sleep(settleMs);
    const found = await listResources(store, filters);
    if (found.length === 0 && pass > 0) break;
    const { removed, failed } = await removeResources(store, found);
    total.removed.push(...removed);
    if (pass === maxPasses - 1) total.failed.push(...failed);
  }
  return total;
}

/** Finds the sessions whose owner is gone and removes their resources. */
export async function sweepStaleSessions(
  store: ResourceStore,
  live: ReadonlySet<string>,
  facts: HostFacts,
  ttlMs: number,
  options: ReapOptions = {},
): Promise<Array<StaleSession & ReapResult>> {
  const all = await listResources(store, [`${LABEL_BERTH}=true`, LABEL_TESTCONTAINERS_SESSION_ID]);
  const stale = findStaleSessions(all, live, facts, Date.now(), ttlMs);
  return Promise.all(stale.map(async (s) => ({ ...s, ...(await reapSession(store, s.sessionId, options)) })));
}
