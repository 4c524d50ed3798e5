import { createHash } from 'node:crypto';
import { listContainersByLabel, unpauseContainer } from '../engine/containers';
import { LABEL_TESTCONTAINERS_CONTAINER_HASH } from '../labels';
import { createLogger } from '../logger';
import { abortReason } from '../wait/abort';
import { bringUp } from './bring-up';
import type { ContainerSpec } from './container-spec';
import { toCreateRequest } from './create-options';
import { withCrossProcessLock } from '../lock/cross-process-lock';
import { rememberContainer } from './registry';
import type { StartContext } from './start-pipeline';
import { StartedGenericContainer } from './started-generic-container';

const log = createLogger('berth:container');

/** The label that marks a reusable container with the hash of its configuration. */
export function reuseHashOf(hash: string): Record<string, string> {
  return { [LABEL_TESTCONTAINERS_CONTAINER_HASH]: hash };
}

/**
 * The hash of everything that shapes a container: the whole create request, HostConfig included
 * (mounts, ports, tmpfs, privileged, network), without berth's own labels (session, version, call site).
 */
export function computeReuseHash(spec: ContainerSpec, engineIsLocal: boolean): string {
  const request = toCreateRequest(spec, { engineIsLocal, extraLabels: {} });
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

type Create = (context: StartContext, reuseHash: string) => Promise<StartedGenericContainer>;

const queues = new Map<string, Promise<void>>();

/**
 * Runs `fn` once every earlier call with the same key has settled (one queue per key in this
 * process). An abort while waiting in the queue rejects at once, and `fn` then never runs; once
 * `fn` runs, it handles the abort itself (and cleans up before it rejects).
 */
function inTurn<T>(key: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  let running = false;
  const next = previous.then(() => {
    signal?.throwIfAborted();
    running = true;
    return fn();
  });
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  if (!signal) return next;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => !running && reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([next, aborted]).finally(() => signal.removeEventListener('abort', onAbort as () => void));
}

/**
 * `withReuse()`: finds a container with the same configuration hash (running, created, paused or
 * exited) and brings it up, else creates one. Serialised per hash in this process and across
 * processes (a file lock), so parallel workers never create duplicates. Reused containers carry no
 * session label: the session's cleanup leaves them running.
 */
export function findOrCreateReusable(context: StartContext, create: Create): Promise<StartedGenericContainer> {
  const { engine, spec, imageHealth, signal } = context;
  const hash = computeReuseHash(spec, engine.isLocal);
  return inTurn(hash, () =>
    withCrossProcessLock(`reuse ${hash}`, { subject: `reuse ${hash.slice(0, 12)}`, signal }, async () => {
      const candidates = await listContainersByLabel(engine, [`${LABEL_TESTCONTAINERS_CONTAINER_HASH}=${hash}`]);
      const found = candidates.find((c) => !['removing', 'dead', 'restarting'].includes(c.State));
      if (!found) return create(context, hash);
      log.info(`Reusing container with hash ${hash.slice(0, 12)} (${found.State})`, { containerId: found.Id });
      if (found.State === 'paused') await unpauseContainer(engine, found.Id);
      const run = await bringUp({
        engine,
        id: found.Id,
        spec,
        imageHealth,
        action: found.State === 'running' || found.State === 'paused' ? 'none' : 'start',
        fresh: found.State === 'created',
        ...(signal ? { signal } : {}),
      });
      rememberContainer(found.Id);
      return new StartedGenericContainer(engine, spec, imageHealth, run, true);
    }),
    signal,
  );
}
