// Run by single-flight.test.ts in separate processes: pulls one image, prints how many engine pulls it sent.
import { ImageName, PullPolicy } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { enginePullCount } from '../../../src/engine/registry';
import { ensureImage } from '../../../src/image/ensure-image';

async function main(): Promise<void> {
  const [ref, policy, startAt] = process.argv.slice(2);
  await getEngine();
  // Start together: every worker waits for the same instant, so their pulls really overlap.
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
  const pullPolicy = policy === 'always' ? PullPolicy.alwaysPull() : PullPolicy.defaultPolicy();
  await ensureImage(await getEngine(), ImageName.fromString(ref!), { pullPolicy });
  process.stdout.write(JSON.stringify({ pulls: enginePullCount() }));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exitCode = 1;
});
