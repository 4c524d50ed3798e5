// berth/jest: Jest matchers for containers. Add `setupFilesAfterEnv: ['berth/jest']` to the Jest
// config (importing this module registers the matchers), or call `expect.extend(berthMatchers)`.
import type { ContainerChange } from '../index';
import { berthMatchers } from './matchers';
import type { ToHaveLoggedOptions } from './to-have-logged';

export { berthMatchers, toHaveLogged, toHaveFileChanges } from './matchers';
export type { DiffingContainer } from './matchers';
export type { LoggingContainer, ToHaveLoggedOptions } from './to-have-logged';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The container logged `pattern` (`times` lines, default 1) within `timeoutMs` (default 5000). */
      toHaveLogged(pattern: string | RegExp, options?: ToHaveLoggedOptions): Promise<R>;
      /** Every listed change is in the container's `diff()`. */
      toHaveFileChanges(expected: readonly ContainerChange[]): Promise<R>;
    }
  }
}

/** Registers the matchers with Jest's global `expect` (done on import when `expect` exists). */
export function installMatchers(): void {
  const jestExpect = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
  jestExpect?.extend(berthMatchers);
}

installMatchers();
