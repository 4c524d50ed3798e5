// Writing a module: a GenericContainer subclass with lifecycle hooks and its own started type
// (docs/containers.md, "Writing a module"). Run: npx tsx examples/custom-module.ts
// --- module ---
import { AbstractStartedContainer, GenericContainer, type StartOptions, type StartedTestContainer } from 'berth';

class MyContainer extends GenericContainer {
  constructor(image = 'redis:7') {
    super(image);
    this.withExposedPorts(6379);
  }
  protected override async containerStarted(container: StartedTestContainer): Promise<void> {
    await container.exec(['redis-cli', 'SET', 'seeded', 'yes']); // seed data
  }
  override async start(options?: StartOptions): Promise<StartedMyContainer> {
    return new StartedMyContainer(await super.start(options));
  }
}

class StartedMyContainer extends AbstractStartedContainer {
  protected override async containerStopping(): Promise<void> {
    await this.exec(['redis-cli', 'SAVE']); // flush
  }
}
// --- end ---

async function main(): Promise<void> {
  // --- usage ---
  await using mine = await new MyContainer().start();
  console.log(`seeded: ${(await mine.exec(['redis-cli', 'GET', 'seeded'])).stdout.trim()}`); // yes
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
