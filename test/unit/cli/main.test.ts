import { main } from '../../../src/cli/main';
import { selectForPrune, type ResourceRow } from '../../../src/cli/resources';

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(argv, (s) => (out += s));
  return { code, out };
}

it('prints usage for help and exits 2 without a command', async () => {
  const help = await run('help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('prune');
  expect((await run()).code).toBe(2);
});

it('rejects unknown commands and options before touching the engine', async () => {
  const rm = await run('rm');
  expect([rm.code, rm.out]).toEqual([2, expect.stringContaining('unknown command rm')]);
  const force = await run('prune', '--force');
  expect([force.code, force.out]).toEqual([2, expect.stringContaining('unknown option --force')]);
  expect((await run('ps', '--dry-run')).code).toBe(2);
});

describe('selectForPrune', () => {
  const row = (kind: 'container' | 'image', session: string, ended: boolean): ResourceRow => ({
    resource: { kind, id: `${kind}-${session}`, name: kind, labels: {} } as ResourceRow['resource'],
    session,
    status: ended ? 'ended (pid gone)' : session === '-' ? 'no session' : 'live',
    ended,
    createdBy: '-',
  });
  const rows = [row('container', 'a', true), row('container', 'b', false), row('container', '-', false), row('image', 'b', false), row('image', '-', false)];

  it('removes only ended sessions by default', () => {
    expect(selectForPrune(rows, false).map((r) => r.resource.id)).toEqual(['container-a']);
  });

  it('with --all-sessions also removes live and reusable resources, but keeps images meant to last', () => {
    expect(selectForPrune(rows, true).map((r) => r.resource.id)).toEqual(['container-a', 'container-b', 'container--', 'image-b']);
  });
});
