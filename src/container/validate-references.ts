import { tryInspectContainer } from '../engine/containers';
import type { Engine } from '../engine/engine';
import { ResourceStateError } from '../errors';
import type { ContainerSpec } from './container-spec';

/** `name:alias` → `name`; `name[:ro|rw]` → `name` (container names and ids never contain `:`). */
function containerPart(entry: string): string {
  const colon = entry.indexOf(':');
  return colon < 0 ? entry : entry.slice(0, colon);
}

/**
 * Checks the containers the spec refers to, before anything is created (one inspect each):
 * every `withLink` target must exist and be running (the engine cannot link to a stopped one),
 * every `withVolumesFrom` source must exist (it may be stopped). Throws `ResourceStateError`.
 */
export async function validateReferences(engine: Engine, spec: ContainerSpec): Promise<void> {
  const links = spec.links.map((entry) => ({ target: containerPart(entry), alias: entry.slice(entry.indexOf(':') + 1) }));
  const sources = spec.volumesFrom.map(containerPart);
  const [targets, froms] = await Promise.all([
    Promise.all(links.map(({ target }) => tryInspectContainer(engine, target))),
    Promise.all(sources.map((source) => tryInspectContainer(engine, source))),
  ]);
  links.forEach(({ target, alias }, i) => {
    const info = targets[i];
    const subject = `link target "${target}" (alias "${alias}")`;
    if (!info) throw new ResourceStateError(subject, 'is not running: no such container; start it before the container that links to it');
    if (!info.State.Running) {
      const exit = info.State.Status === 'exited' ? `, exit code ${info.State.ExitCode}` : '';
      throw new ResourceStateError(subject, `is not running (state ${info.State.Status}${exit}); start it before the container that links to it`);
    }
  });
  sources.forEach((source, i) => {
    if (!froms[i]) throw new ResourceStateError(`volumes-from source "${source}"`, 'does not exist: no such container');
  });
}
