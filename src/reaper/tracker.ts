import path from 'node:path';
import { processState } from './process-state';

/** A resource this process created and has not removed yet. */
export interface TrackedResource {
  kind: 'container' | 'network' | 'volume' | 'image';
  id: string;
  name?: string;
  /** `file:line` of the user code that created it. */
  createdBy?: string;
}

function live(): Map<string, TrackedResource> {
  return processState().tracked;
}

/** Records a created resource (for cleanup at exit and the leak report). */
export function trackResource(resource: TrackedResource): void {
  live().set(`${resource.kind}:${resource.id}`, resource);
}

/** Forgets a removed resource. */
export function untrackResource(kind: TrackedResource['kind'], id: string): void {
  live().delete(`${kind}:${id}`);
}

/** Resources still alive, in creation order. */
export function trackedResources(): TrackedResource[] {
  return [...live().values()];
}

/** berth's own package folder (`src/` and `dist/` are below it, as this file is in `<root>/src|dist/reaper/`). */
const BERTH_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `file:line` of the first frame of `stack` that is user code: not Node's, not a dependency's, not
 * berth's own `src/` or `dist/` (berth's tests and examples count as user code). A user's own
 * `src/` folder is user code too (e.g. `src/orders.spec.ts`).
 */
export function userFrame(stack: string, root: string = BERTH_ROOT): string | undefined {
  const own = [path.join(root, 'src') + path.sep, path.join(root, 'dist') + path.sep];
  for (const frame of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(frame);
    if (!m?.[1]) continue;
    const file = m[1].replace(/^file:\/\//, '');
    if (file.startsWith('node:') || file.includes(`${path.sep}node_modules${path.sep}`) || own.some((dir) => file.startsWith(dir))) continue;
    return `${file}:${m[2]}`;
  }
  return undefined;
}

/** `file:line` of the user code that is creating a resource (call it before the first `await`). */
export function creationSite(): string | undefined {
  return userFrame(new Error().stack ?? '');
}
