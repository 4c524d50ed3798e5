import type { EngineChange } from '../engine/container-types';

/** One change of a container's writable layer (`docker diff`). */
export interface ContainerChange {
  path: string;
  kind: 'added' | 'changed' | 'deleted';
}

const KINDS = { 0: 'changed', 1: 'added', 2: 'deleted' } as const;

/** Maps the engine's changes (Kind 0/1/2) to {@link ContainerChange}s, sorted by path. Pure. */
export function toContainerChanges(changes: readonly EngineChange[]): ContainerChange[] {
  return changes
    .map((c) => ({ path: c.Path, kind: KINDS[c.Kind] ?? 'changed' }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
