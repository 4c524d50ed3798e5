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

/** `file:line` of the first stack frame outside berth's own sources: the user code that created a resource. */
export function creationSite(): string | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?\s*$/.exec(frame);
    if (!m?.[1]) continue;
    const file = m[1];
    if (file.startsWith('node:') || file.includes('/node_modules/') || /\/(src|dist)\/(?!.*\.test\.)/.test(file) && !file.includes('/test/') && !file.includes('/examples/')) continue;
    return `${file}:${m[2]}`;
  }
  return undefined;
}
