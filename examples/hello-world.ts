// docker run: a one-shot container and a long-running one. Run: npx tsx examples/hello-world.ts
// docs/containers.md takes its snippets from here.
// --- one-shot ---
import { GenericContainer, Wait } from 'berth';
// --- end ---

async function main(): Promise<void> {
  // --- one-shot ---
  // `docker run debian:bookworm echo "Hello World"`: runs to completion; its output stays readable.
  await using hello = await new GenericContainer('debian:bookworm')
    .withCommand(['echo', 'Hello World'])
    .withWaitStrategy(Wait.forOneShotStartup())
    .start();
  for await (const line of await hello.logs({ follow: false })) process.stdout.write(`hello says: ${String(line)}`);
  // --- end ---

  // --- run-to-completion ---
  // `docker run --rm debian:bookworm sh -c '...'`: the exit code and the whole output; the container is removed.
  const run = await new GenericContainer('debian:bookworm')
    .withCommand(['sh', '-c', 'echo "Hello World"; echo oops >&2; exit 3'])
    .runToCompletion();
  console.log(`exit code ${run.exitCode}, stdout ${JSON.stringify(run.stdout)}, stderr ${JSON.stringify(run.stderr)}`);
  // --- end ---

  // --- detached ---
  // `docker run -d -p 127.0.0.1::6379 redis:7`: ready when the port listens; removed at the end of the scope.
  await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();
  console.log(`redis listens on ${redis.getHost()}:${redis.getMappedPort(6379)}`);
  const { stdout } = await redis.exec('redis-cli PING');
  console.log(`redis-cli PING → ${stdout.trim()}`);
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
