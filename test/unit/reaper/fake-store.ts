import type { LabelledResource, RemoveOutcome, ResourceKind, ResourceStore } from '../../../src/engine/prune';

/** An in-memory ResourceStore: label filters are `key=value` or `key`. */
export class FakeStore implements ResourceStore {
  readonly removed: string[] = [];
  constructor(readonly resources: LabelledResource[] = []) {}

  list(kind: ResourceKind, filters: readonly string[]): Promise<LabelledResource[]> {
    const match = (r: LabelledResource): boolean =>
      filters.every((f) => {
        const [k, ...v] = f.split('=');
        return v.length ? r.labels[k!] === v.join('=') : k! in r.labels;
      });
    return Promise.resolve(this.resources.filter((r) => r.kind === kind && match(r)));
  }

  remove(kind: ResourceKind, id: string): Promise<RemoveOutcome> {
    const i = this.resources.findIndex((r) => r.kind === kind && r.id === id);
    if (i < 0) return Promise.resolve({ status: 'gone' });
    this.resources.splice(i, 1);
    this.removed.push(`${kind}:${id}`);
    return Promise.resolve({ status: 'removed' });
  }
}

export function resource(kind: ResourceKind, id: string, labels: Record<string, string>, createdMs = 1): LabelledResource {
  return { kind, id, name: id, labels, createdMs };
}
