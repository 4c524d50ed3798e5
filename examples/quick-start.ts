// The README's quick start: a Redis container for the length of a scope. Run: npx tsx examples/quick-start.ts
// --- quick-start ---
import { GenericContainer } from 'berth';
// --- end ---

async function main(): Promise<void> {
  // --- quick-start ---
  await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();

  const { stdout } = await redis.exec(['redis-cli', 'ping']); // "PONG"
  console.log(`Redis at ${redis.getHost()}:${redis.getMappedPort(6379)} says ${stdout.trim()}`);
  // Leaving the scope stops and removes the container and its anonymous volumes.
  // If the process is killed instead, berth's watchdog removes everything it created.
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
