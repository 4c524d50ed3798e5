// Run by cross-process.test.ts in separate processes.
//   hold KEY START_AT HOLD_MS: at START_AT takes the lock, holds it HOLD_MS, prints {asked, in, out, waited}.
//   die KEY: takes the lock (stale period 2 s), prints "held", and is killed with SIGKILL while holding it.
import { withCrossProcessLock } from '../../../src/lock/cross-process-lock';

async function main(): Promise<void> {
  const [mode, key, startAt, holdMs] = process.argv.slice(2) as [string, string, string?, string?];
  if (mode === 'die') {
    await withCrossProcessLock(key, { staleMs: 2_000 }, async () => {
      process.stdout.write('held\n');
      await new Promise((r) => setTimeout(r, 100));
      process.kill(process.pid, 'SIGKILL');
    });
    return;
  }
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  const asked = Date.now();
  const record = await withCrossProcessLock(key, {}, async (waited) => {
    const entered = Date.now();
    await new Promise((r) => setTimeout(r, Number(holdMs)));
    return { asked, in: entered, out: Date.now(), waited };
  });
  process.stdout.write(JSON.stringify(record));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 1;
});
