import { getConfig } from '../config';
import { getEngine } from '../engine/engine';
import { resourceStoreOf } from '../engine/prune';
import { isBerthError } from '../errors';
import { removeResources } from '../reaper/reap';
import { localHostFacts } from '../reaper/stale';
import { describeResources, formatTable, selectForPrune } from './resources';

const USAGE = `Usage: berth <command> [options]

Commands:
  ps                     List the containers, networks, volumes and images berth created,
                         with their session and whether its owner process still runs.
  prune                  Remove the resources of sessions whose owner is gone.
    --all-sessions       Also remove live sessions' resources and reusable containers (images
                         built or committed with deleteOnExit: false are kept: they were meant to last).
    --dry-run            Only print what would be removed.
  help                   Print this text.
`;

/** Runs the `berth` command line; resolves with the exit code. */
export async function main(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest);
  const unknown = rest.filter((f) => !['--dry-run', '--all-sessions'].includes(f));
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  if ((command !== 'ps' && command !== 'prune') || unknown.length > 0 || (command === 'ps' && rest.length > 0)) {
    out(`berth: unknown ${unknown.length ? `option ${unknown.join(' ')}` : `command ${command}`}\n\n${USAGE}`);
    return 2;
  }
  try {
    const store = resourceStoreOf(await getEngine());
    const rows = await describeResources(store, localHostFacts(), getConfig().staleSessionTtlMs);
    if (command === 'ps') {
      out(rows.length ? `${formatTable(rows)}\n` : 'No berth resources.\n');
      return 0;
    }
    const doomed = selectForPrune(rows, flags.has('--all-sessions'));
    if (doomed.length === 0) {
      out('Nothing to prune.\n');
      return 0;
    }
    out(`${flags.has('--dry-run') ? 'Would remove' : 'Removing'} ${doomed.length}:\n${formatTable(doomed)}\n`);
    if (flags.has('--dry-run')) return 0;
    const result = await removeResources(store, doomed.map((r) => r.resource));
    for (const f of result.failed) out(`could not remove ${f.resource.kind} ${f.resource.name}: ${f.reason}\n`);
    out(`Removed ${result.removed.length}.\n`);
    return result.failed.length ? 1 : 0;
  } catch (error) {
    out(`berth: ${isBerthError(error) ? error.message : String(error)}\n`);
    return 1;
  }
}
