import { getArchive } from '../engine/archive';
import type { Engine } from '../engine/engine';
import type { StoppedTestContainer } from './test-container';

/** A stopped container. Kept containers (`stop({ remove: false })`) can still be copied from. */
export class StoppedGenericContainer implements StoppedTestContainer {
  /** @internal Created by `stop()`. */
  constructor(
    private readonly engine: Engine,
    private readonly id: string,
  ) {}

  getId(): string {
    return this.id;
  }

  /** A tar stream of `path` in the stopped container (fails when it was removed). */
  async copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream> {
    return getArchive(this.engine, this.id, path);
  }
}
