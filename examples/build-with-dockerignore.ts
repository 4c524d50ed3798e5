// Build an image from a Dockerfile whose context has a .dockerignore, then run it and list what was copied.
// Run: npx tsx examples/build-with-dockerignore.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer, Wait } from 'berth';

function writeContext(dir: string): void {
  const files: Record<string, string> = {
    'Dockerfile': 'FROM debian:bookworm\nARG GREETING=hello\nCOPY . /app/\nRUN echo "$GREETING" > /greeting\nCMD ["sh", "-c", "cat /greeting && cd /app && find . -type f | sort"]\n',
    '.dockerignore': ['# logs and dependencies stay out', '*.log', '!important.log', 'node_modules', '**/*.tmp', 'secret?.txt'].join('\n'),
    'index.js': 'console.log("app")',
    'debug.log': 'noise',
    'important.log': 'kept by the ! exception',
    'node_modules/dep/index.js': 'dependency',
    'src/cache/build.tmp': 'temporary',
    'src/main.js': 'main',
    'secret1.txt': 'never sent to the engine',
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}

async function main(): Promise<void> {
  const context = mkdtempSync(path.join(tmpdir(), 'berth-example-'));
  try {
    writeContext(context);
    // --- build-with-dockerignore ---
    // The context is packed honouring .dockerignore with Docker's own rules; the image carries the
    // session label (deleteOnExit defaults to true), so the session's cleanup removes it.
    const container = await GenericContainer.fromDockerfile(context)
      .withBuildArgs({ GREETING: 'built by berth' })
      .build('localhost/berth-example/dockerignore:1');

    await using started = await container.withWaitStrategy(Wait.forOneShotStartup()).start();
    for await (const line of await started.logs({ follow: false })) process.stdout.write(String(line));
    // --- end ---
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
