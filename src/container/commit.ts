import type { Engine } from '../engine/engine';
import { commitContainer } from '../engine/containers';
import { InvalidArgumentError } from '../errors';
import { LABEL_TESTCONTAINERS_SESSION_ID } from '../labels';
import { getSessionId } from '../reaper/session';
import { creationSite, trackResource } from '../reaper/tracker';
import type { CommitOptions } from './types';

/**
 * Commits a container to `repo:tag` and resolves the new image id. With `deleteOnExit` (default)
 * the image carries the session label, so the session's cleanup removes it; otherwise the label is blanked.
 */
export async function commit(engine: Engine, id: string, options: CommitOptions): Promise<string> {
  if (!options || typeof options.repo !== 'string' || !/^[a-z0-9]+([._/:-][a-z0-9]+)*$/.test(options.repo)) {
    throw new InvalidArgumentError('commit repository', options?.repo, 'expected a lowercase repository name, e.g. "my-app"');
  }
  if (typeof options.tag !== 'string' || !/^[\w][\w.-]{0,127}$/.test(options.tag)) {
    throw new InvalidArgumentError('commit tag', options.tag, 'expected [A-Za-z0-9_][A-Za-z0-9_.-]*');
  }
  const deleteOnExit = options.deleteOnExit ?? true;
  const sessionLabel = `LABEL ${LABEL_TESTCONTAINERS_SESSION_ID}=${deleteOnExit ? getSessionId() : ''}`;
  const imageId = await commitContainer(engine, id, {
    repo: options.repo,
    tag: options.tag,
    ...(options.comment ? { comment: options.comment } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.pause !== undefined ? { pause: options.pause } : {}),
    changes: [...(options.changes ?? []), sessionLabel],
  });
  if (deleteOnExit) {
    const createdBy = creationSite();
    trackResource({ kind: 'image', id: imageId, name: `${options.repo}:${options.tag}`, ...(createdBy ? { createdBy } : {}) });
  }
  return imageId;
}
