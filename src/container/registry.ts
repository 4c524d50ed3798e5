import { getEngine } from '../engine/engine';
import { listContainersById } from '../engine/containers';
import type { Labels } from './types';

const startedHere = new Set<string>();

/** Remembers a container this process created (or reused) for {@link listContainers}. */
export function rememberContainer(id: string): void {
  startedHere.add(id);
}

/** Forgets a removed container. */
export function forgetContainer(id: string): void {
  startedHere.delete(id);
}

/** One published port in a {@link ContainerSummary}. */
export interface ContainerPortSummary {
  containerPort: number;
  protocol: string;
  hostIp?: string;
  hostPort?: number;
}

/** One row of {@link listContainers}, as `docker ps` shows it. */
export interface ContainerSummary {
  id: string;
  /** The name without the leading `/`. */
  name: string;
  image: string;
  /** `created`, `running`, `paused`, `restarting`, `exited`, `removing` or `dead`. */
  state: string;
  /** Human status, e.g. `Up 3 seconds`, `Exited (0) 2 seconds ago`. */
  status: string;
  labels: Labels;
  ports: ContainerPortSummary[];
}

/** Options of {@link listContainers}. */
export interface ListContainersOptions {
  /** Include stopped containers (`docker ps -a`). Default false: running only. */
  all?: boolean;
}

/**
 * The containers berth started in this process that still exist (`docker ps`): running ones,
 * or all of them with `{ all: true }`.
 */
export async function listContainers(options: ListContainersOptions = {}): Promise<ContainerSummary[]> {
  if (startedHere.size === 0) return [];
  const engine = await getEngine();
  const rows = await listContainersById(engine, [...startedHere], options.all === true);
  return rows
    .filter((row) => startedHere.has(row.Id))
    .map((row) => ({
      id: row.Id,
      name: (row.Names[0] ?? '').replace(/^\//, ''),
      image: row.Image,
      state: row.State,
      status: row.Status,
      labels: row.Labels ?? {},
      ports: (row.Ports ?? []).map((p) => ({
        containerPort: p.PrivatePort,
        protocol: p.Type,
        ...(p.IP ? { hostIp: p.IP } : {}),
        ...(p.PublicPort ? { hostPort: p.PublicPort } : {}),
      })),
    }));
}
