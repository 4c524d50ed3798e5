// Telling berth's errors apart (docs/errors.md). Run: npx tsx examples/errors.ts
// A container whose command does not exist fails to start with ContainerStartError, and nothing is left behind.
// --- handling ---
import { EngineUnavailableError, GenericContainer, isBerthError, type StartedTestContainer } from 'berth';
// --- end ---
import { ContainerStartError } from 'berth';

// --- handling ---
async function startOrExplain(container: GenericContainer): Promise<StartedTestContainer> {
  try {
    return await container.start();
  } catch (error) {
    if (error instanceof EngineUnavailableError) console.error(error.attempts);
    else if (isBerthError(error)) console.error(error.message, error.cause);
    throw error;
  }
}
// --- end ---

async function main(): Promise<void> {
  await using ok = await startOrExplain(new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']));
  console.log(`started ${ok.getId().slice(0, 12)}`);
  try {
    await startOrExplain(new GenericContainer('debian:bookworm').withCommand(['no-such-command']));
    throw new Error('a container without its executable started');
  } catch (error) {
    if (!(error instanceof ContainerStartError)) throw error;
    console.log(`as expected, ${error.name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
