import type { StoppedTestContainer } from './test-container';

/** Base class for module "Stopped…" wrappers: delegates to the wrapped stopped container. */
export class AbstractStoppedContainer implements StoppedTestContainer {
  constructor(protected readonly stoppedTestContainer: StoppedTestContainer) {}

  getId(): string {
    return this.stoppedTestContainer.getId();
  }
  copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream> {
    return this.stoppedTestContainer.copyArchiveFromContainer(path);
  }
}
