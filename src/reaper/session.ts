import { randomUuid } from '../labels';
import { processState } from './process-state';

/**
 * This process's session id (12 hex chars): every resource berth creates carries it. One per OS
 * process (shared by all test files a Jest worker runs), so one process's crash never removes
 * another live process's resources.
 */
export function getSessionId(): string {
  const state = processState();
  state.sessionId ??= randomUuid();
  return state.sessionId;
}
