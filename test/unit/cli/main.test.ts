import { main } from '../../../src/cli/main';

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
