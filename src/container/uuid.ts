import { randomUuid } from '../labels';

/** A source of ids (testcontainers `Uuid`), e.g. for network names. */
export interface Uuid {
  /** The next id. */
  nextUuid(): string;
}

/** 12-hex-char random ids: the first 12 characters of the sha256 of a random UUID (testcontainers `RandomUuid`). */
export class RandomUuid implements Uuid {
  nextUuid(): string {
    return randomUuid();
  }
}
