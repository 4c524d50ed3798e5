// Wait strategies (docs/waits.md takes its snippets from here). Run: npx tsx examples/wait-strategies.ts
// Each container below is started, shown to be ready, and removed again.
import {
  AbstractWaitStrategy,
  ContainerStartError,
  GenericContainer,
  StartupCheckStrategy,
  Wait,
  WaitTimeoutError,
} from 'berth';
import type { StartupStatus, WaitTarget } from 'berth';

// --- custom-strategy ---
/** Ready once the container has logged `count` lines (an event-driven custom strategy). */
class LineCount extends AbstractWaitStrategy {
  constructor(private readonly count: number) {
    super();
  }
  async waitUntilReady(target: WaitTarget, signal: AbortSignal): Promise<void> {
    let seen = 0;
    for await (const _line of target.logLines(signal)) if (++seen >= this.count) return;
    throw new Error(`the log ended after ${seen} lines`);
  }
  describe(): string {
    return `${this.count} log lines`;
  }
}

/** A poll-style custom strategy: checkStartupState() is called every second. */
class FileExists extends StartupCheckStrategy {
  async checkStartupState(target: WaitTarget, signal: AbortSignal): Promise<StartupStatus> {
    const result = await target.exec(['test', '-f', '/tmp/ready'], signal);
    return result.exitCode === 0 ? 'SUCCESS' : 'PENDING';
  }
}
// --- end custom-strategy ---

async function main(): Promise<void> {
  // --- builtin ---
  // The default: every exposed port listens (no shell needed in the image).
  await using redis = await new GenericContainer('redis:7').withExposedPorts(6379).start();

  // A log line, optionally several times; a RegExp works too.
  await using logged = await new GenericContainer('redis:7')
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();

  // HTTP(S) with the whole builder.
  await using web = await new GenericContainer('berth-fixtures/http-server:1')
    .withExposedPorts(8080, 8443)
    .withWaitStrategy(
      Wait.forAll([
        Wait.forHttp('/auth', 8080).withBasicCredentials('user', 'password').forStatusCode(200),
        Wait.forHttp('/hello', 8443).usingTls().allowInsecure().withReadTimeout(2_000),
        Wait.forHttp('/echo', 8080).withMethod('POST').forResponsePredicate((body) => body.length >= 0),
      ]).withDeadline(30_000),
    )
    .start();

  // A container that must run to completion with exit code 0.
  await using migrated = await new GenericContainer('debian:bookworm')
    .withCommand(['sh', '-c', 'echo migrating; sleep 0.2'])
    .withWaitStrategy(Wait.forOneShotStartup())
    .start();
  // --- end builtin ---

  await using custom = await new GenericContainer('debian:bookworm')
    .withCommand(['sh', '-c', 'echo one; echo two; touch /tmp/ready; exec sleep infinity'])
    .withWaitStrategy(Wait.forAll([new LineCount(2), new FileExists()]))
    .start();

  // --- failures ---
  try {
    await new GenericContainer('debian:bookworm')
      .withCommand(['sh', '-c', 'echo "fatal: no config" >&2; exit 3'])
      .withWaitStrategy(Wait.forLogMessage('Ready'))
      .start();
  } catch (error) {
    if (!(error instanceof ContainerStartError)) throw error;
    console.log(`exited at once with code ${error.exitCode}; last lines: ${error.logLines.join(' | ')}`);
  }
  try {
    await new GenericContainer('debian:bookworm')
      .withCommand(['sleep', 'infinity'])
      .withWaitStrategy(Wait.forLogMessage('Ready').withStartupTimeout(1_000))
      .start();
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    console.log(`timed out: ${error.strategy} after ${error.elapsedMs} ms (state ${error.details.state})`);
  }
  // --- end failures ---

  for (const c of [redis, logged, web, migrated, custom]) console.log(`ready: ${c.getId().slice(0, 12)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
