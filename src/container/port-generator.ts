import getPort from 'get-port';

/** Finds a free host port (testcontainers `PortGenerator`). */
export interface PortGenerator {
  generatePort(): Promise<number>;
}

/** A free TCP port on this machine, chosen by the OS (testcontainers `RandomPortGenerator`). */
export class RandomPortGenerator implements PortGenerator {
  generatePort(): Promise<number> {
    return getPort();
  }
}
