import type { Engine } from '../engine/engine';
import { startRyukContainer } from '../engine/ryuk-container';
import { ReaperError } from '../errors';
import { LABEL_TESTCONTAINERS_SESSION_ID, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { processState, type ReaperLink } from './process-state';
import { registerWithRyuk, ryukFilterLine } from './ryuk-client';

const log = createLogger('berth:reaper');

/**
 * Uses Ryuk for cleanup-on-crash: starts one Ryuk per process session (`testcontainers-ryuk-<session>`,
 * so one process's crash never waits for, nor touches, another's), registers the session filter and
 * reads the ACK.
 */
export async function armRyuk(engine: Engine, image: string, sessionId: string, onLost: () => void): Promise<ReaperLink> {
  try {
    const { id, port } = await startRyukContainer(engine, {
      image,
      name: `testcontainers-ryuk-${sessionId}`,
      labels: { ...standardLabels(), ...sessionLabels(sessionId) },
      timeoutMs: 30_000,
    });
    const socket = await registerWithRyuk({ [LABEL_TESTCONTAINERS_SESSION_ID]: sessionId }, { host: engine.host, port });
    socket.once('close', () => {
      log.warn('Lost the connection to Ryuk; reconnecting');
      onLost();
    });
    const state = processState();
    state.held.push(socket);
    log.info(`Ryuk ${image} watches session ${sessionId} on ${engine.host}:${port}`);
    // Ryuk takes more filters on the same connection (it ACKs each; nothing waits for those ACKs).
    const link: ReaperLink = {
      containerId: id,
      addSession: (session) => void socket.write(ryukFilterLine({ [LABEL_TESTCONTAINERS_SESSION_ID]: session })),
    };
    for (const session of state.extraSessions) link.addSession(session);
    return link;
  } catch (error) {
    throw new ReaperError(`Ryuk ${image}`, (error as Error).message, { cause: error });
  }
}
