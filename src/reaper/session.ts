import { randomUuid } from '../labels';

let sessionId: string | undefined;

/** This process's session id (12 hex chars): every resource berth creates carries it. */
export function getSessionId(): string {
  sessionId ??= randomUuid();
  return sessionId;
}
