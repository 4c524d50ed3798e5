import { createHash, randomUUID } from 'node:crypto';

/** Marks every resource berth creates (`true`). Shared with testcontainers so its tools recognise them. */
export const LABEL_TESTCONTAINERS = 'org.testcontainers';
/** The language of the library that created the resource (`node`). */
export const LABEL_TESTCONTAINERS_LANG = 'org.testcontainers.lang';
/** The version of the library that created the resource. */
export const LABEL_TESTCONTAINERS_VERSION = 'org.testcontainers.version';
/** The session that owns the resource; the session's cleanup removes it. */
export const LABEL_TESTCONTAINERS_SESSION_ID = 'org.testcontainers.session-id';
/** The hash of a reusable container's configuration. */
export const LABEL_TESTCONTAINERS_CONTAINER_HASH = 'org.testcontainers.container-hash';
/** Marks a resource as created by berth (`true`). */
export const LABEL_BERTH = 'dev.berth';
/** The source line (file:line) of the code that created the resource, for the leak report. */
export const LABEL_BERTH_CREATED_BY = 'dev.berth.created-by';
/** The process id of the session owner. */
export const LABEL_BERTH_OWNER_PID = 'dev.berth.owner-pid';

/** The library version that goes into {@link LABEL_TESTCONTAINERS_VERSION}. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const BERTH_VERSION: string = (require('../package.json') as { version: string }).version;

/** A 12-hex-char random id (first 12 chars of the sha256 of a random UUID), like testcontainers' `randomUuid`. */
export function randomUuid(): string {
  return createHash('sha256').update(randomUUID()).digest('hex').slice(0, 12);
}

/** Labels every berth resource carries, session or not. */
export function standardLabels(): Record<string, string> {
  return {
    [LABEL_TESTCONTAINERS]: 'true',
    [LABEL_TESTCONTAINERS_LANG]: 'node',
    [LABEL_TESTCONTAINERS_VERSION]: BERTH_VERSION,
    [LABEL_BERTH]: 'true',
  };
}

/** Labels that tie a resource to a session, so the session's cleanup removes it. */
export function sessionLabels(sessionId: string): Record<string, string> {
  return { [LABEL_TESTCONTAINERS_SESSION_ID]: sessionId };
}
