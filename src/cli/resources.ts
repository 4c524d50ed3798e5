import type { LabelledResource, ResourceStore } from '../engine/prune';
import { LABEL_BERTH, LABEL_BERTH_CREATED_BY, LABEL_BERTH_OWNER_HOST, LABEL_TESTCONTAINERS_SESSION_ID } from '../labels';
import { listResources } from '../reaper/reap';
import { groupBySession, judgeSession, ownedHere, type HostFacts } from '../reaper/stale';

/** A berth resource with what the CLI says about its session. */
export interface ResourceRow {
  resource: LabelledResource;
  session: string;
  /** `live`, `ended (<why>)`, `owned by <host>` (another machine, within the TTL) or `no session` (reusable). */
  status: string;
  ended: boolean;
  createdBy: string;
}

/** Lists every berth resource and judges its session (live, or ended and why). */
export async function describeResources(store: ResourceStore, facts: HostFacts, ttlMs: number, now = Date.now()): Promise<ResourceRow[]> {
  const all = await listResources(store, [`${LABEL_BERTH}=true`]);
  const verdicts = new Map<string, string | undefined>();
  const elsewhere = new Map<string, string>();
  for (const [session, group] of groupBySession(all)) {
    verdicts.set(session, judgeSession(group, facts, now, ttlMs));
    const owner = group.find((r) => r.labels[LABEL_BERTH_OWNER_HOST])?.labels;
    if (owner && !ownedHere(owner, facts)) elsewhere.set(session, owner[LABEL_BERTH_OWNER_HOST] ?? '?');
  }
  return all.map((resource) => {
    const session = resource.labels[LABEL_TESTCONTAINERS_SESSION_ID] ?? '';
    const reason = verdicts.get(session);
    return {
      resource,
      session: session || '-',
      status: !session ? 'no session' : reason ? `ended (${reason})` : elsewhere.has(session) ? `owned by ${elsewhere.get(session)}` : 'live',
      ended: Boolean(session && reason),
      createdBy: resource.labels[LABEL_BERTH_CREATED_BY] ?? '-',
    };
  });
}

/**
 * What `berth prune` removes: the resources of ended sessions; with `allSessions` also live
 * sessions' resources and reusable containers, but never an image without a session (built or
 * committed with `deleteOnExit: false`: it was meant to last).
 */
export function selectForPrune(rows: readonly ResourceRow[], allSessions: boolean): ResourceRow[] {
  if (!allSessions) return rows.filter((r) => r.ended);
  return rows.filter((r) => !(r.resource.kind === 'image' && r.session === '-'));
}

/** Formats rows as an aligned table. */
export function formatTable(rows: readonly ResourceRow[]): string {
  const cells = [
    ['KIND', 'ID', 'NAME', 'SESSION', 'STATUS', 'CREATED BY'],
    ...rows.map((r) => [
      r.resource.kind,
      r.resource.kind === 'volume' ? r.resource.id.slice(0, 24) : r.resource.id.replace(/^sha256:/, '').slice(0, 12),
      r.resource.name.slice(0, 40),
      r.session,
      r.status,
      r.createdBy,
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}
