import Dockerode from 'dockerode';
import type { Engine } from './engine';
import { toModemOptions, type EngineEndpoint } from './endpoint';
import { engineMessageOf, statusCodeOf } from './engine-error';

/** The kinds of resource berth labels and cleans up, in removal order. */
export type ResourceKind = 'container' | 'network' | 'volume' | 'image';

/** Removal order: containers first (they hold networks, volumes and images). */
export const RESOURCE_KINDS: readonly ResourceKind[] = ['container', 'network', 'volume', 'image'];

/** One labelled resource as listed by the engine. */
export interface LabelledResource {
  kind: ResourceKind;
  /** Container/network/image id; the volume name for volumes. */
  id: string;
  /** Container name (without `/`), network or volume name, first image tag. */
  name: string;
  labels: Record<string, string>;
  /** Creation time in ms since the epoch (0 when the engine does not say). */
  createdMs: number;
  /** Container state (`running`, `exited`, ...). */
  state?: string;
}

/** What happened to a resource berth tried to remove. */
export type RemoveOutcome = { status: 'removed' | 'gone' } | { status: 'failed'; reason: string };

/** Lists and removes resources by label: what cleanup, the watchdog and `berth prune` need, and nothing more. */
export interface ResourceStore {
  /** Resources of one kind carrying every `key=value` (or `key`) label filter. */
  list(kind: ResourceKind, labelFilters: readonly string[]): Promise<LabelledResource[]>;
  /** Removes one resource: containers with force and their anonymous volumes. */
  remove(kind: ResourceKind, id: string): Promise<RemoveOutcome>;
}

function parseTime(value: string | number | undefined): number {
  if (typeof value === 'number') return value * 1000;
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

async function listKind(api: Dockerode, kind: ResourceKind, filters: string): Promise<LabelledResource[]> {
  switch (kind) {
    case 'container':
      return (await api.listContainers({ all: true, filters })).map((c) => ({
        kind,
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''),
        labels: c.Labels ?? {},
        createdMs: parseTime(c.Created),
        state: c.State,
      }));
    case 'network':
      return (await api.listNetworks({ filters })).map((n) => ({
        kind,
        id: n.Id,
        name: n.Name,
        labels: n.Labels ?? {},
        createdMs: parseTime(n.Created),
      }));
    case 'volume': {
      const res = (await api.listVolumes({ filters })) as { Volumes?: Array<{ Name: string; Labels?: Record<string, string> | null; CreatedAt?: string }> | null };
      return (res.Volumes ?? []).map((v) => ({
        kind,
        id: v.Name,
        name: v.Name,
        labels: v.Labels ?? {},
        createdMs: parseTime(v.CreatedAt),
      }));
    }
    case 'image':
      return (await api.listImages({ filters })).map((i) => ({
        kind,
        id: i.Id,
        name: i.RepoTags?.find((t) => t !== '<none>:<none>') ?? i.Id.replace(/^sha256:/, '').slice(0, 12),
        labels: i.Labels ?? {},
        createdMs: parseTime(i.Created),
      }));
  }
}

async function removeKind(api: Dockerode, kind: ResourceKind, id: string): Promise<void> {
  switch (kind) {
    case 'container':
      await api.getContainer(id).remove({ force: true, v: true });
      return;
    case 'network':
      await api.getNetwork(id).remove();
      return;
    case 'volume':
      await api.getVolume(id).remove({ force: true });
      return;
    case 'image':
      await api.getImage(id).remove({ force: true });
      return;
  }
}

function storeOf(api: Dockerode): ResourceStore {
  return {
    async list(kind, labelFilters) {
      return listKind(api, kind, JSON.stringify({ label: [...labelFilters] }));
    },
    async remove(kind, id) {
      try {
        await removeKind(api, kind, id);
        return { status: 'removed' };
      } catch (error) {
        if (statusCodeOf(error) === 404) return { status: 'gone' };
        return { status: 'failed', reason: engineMessageOf(error) };
      }
    },
  };
}

/** A {@link ResourceStore} on the process's engine connection. */
export function resourceStoreOf(engine: Engine): ResourceStore {
  return storeOf(engine.api);
}

/**
 * A {@link ResourceStore} for an endpoint found by another process (the watchdog gets the endpoint
 * its test processes discovered: unix socket, TCP with TLS, SSH).
 */
export function resourceStoreForEndpoint(endpoint: EngineEndpoint, apiVersion?: string): ResourceStore {
  return storeOf(new Dockerode({ ...toModemOptions(endpoint), ...(apiVersion ? { version: `v${apiVersion}` } : {}) }));
}
