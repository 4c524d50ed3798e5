import type { EngineContainerInspect } from '../engine/container-types';
import type { Ports } from './bound-ports';
import type { HealthCheckStatus, Labels } from './types';

/** The container runtime behind the engine API. */
export type ContainerRuntime = 'docker' | 'podman';

/** Network name → the container's endpoint on it. */
export type NetworkSettings = { [networkName: string]: { networkId: string; ipAddress: string } };

/** The engine's container states. */
export type ContainerStatus = 'created' | 'restarting' | 'running' | 'paused' | 'exited' | 'removing' | 'dead';

/** The state part of {@link InspectResult}. */
export interface ContainerStateView {
  status: ContainerStatus;
  running: boolean;
  paused: boolean;
  restarting: boolean;
  oomKilled: boolean;
  /** The exit code of the last run (0 while it never exited). */
  exitCode: number;
  /** When it last started; undefined when it never started. */
  startedAt: Date | undefined;
  /** When it last stopped; undefined while it never stopped. */
  finishedAt: Date | undefined;
  /** The health check status (`none` without a health check). */
  health: HealthCheckStatus;
}

/** A mount of the container. */
export interface MountView {
  type: string;
  /** The volume name, for volumes. */
  name?: string;
  source: string;
  destination: string;
  mode: string;
  readOnly: boolean;
}

/**
 * A typed view of `docker inspect`, a superset of testcontainers' `InspectResult` (`name`, `hostname`,
 * `ports`, `healthCheckStatus`, `networkSettings`, `state`, `labels`), with the engine JSON as `raw`.
 */
export interface InspectResult {
  id: string;
  /** The name with its leading `/`, as the engine reports it. */
  name: string;
  hostname: string;
  /** The image reference the container was created from. */
  image: string;
  /** The image id. */
  imageId: string;
  /** Entrypoint + command as run. */
  command: string[];
  /** `KEY=value` entries. */
  env: string[];
  labels: Labels;
  mounts: MountView[];
  /** Network name → id and IP address. */
  networkSettings: NetworkSettings;
  ports: Ports;
  healthCheckStatus: HealthCheckStatus;
  state: ContainerStateView;
  /** How often the engine restarted it (restart policy). */
  restartCount: number;
  /** The full engine response. */
  raw: Readonly<Record<string, unknown>>;
}

function toDate(value: string | undefined): Date | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function toHealth(status: string | undefined): HealthCheckStatus {
  return status === 'starting' || status === 'healthy' || status === 'unhealthy' ? status : 'none';
}

/** Maps the engine's inspect JSON to {@link InspectResult}. Pure. */
export function toInspectResult(raw: EngineContainerInspect): InspectResult {
  const ports: Ports = {};
  for (const [key, bindings] of Object.entries(raw.NetworkSettings.Ports ?? {})) {
    ports[key] = (bindings ?? []).map((b) => ({ hostIp: b.HostIp ?? '', hostPort: Number(b.HostPort) }));
  }
  const networkSettings: InspectResult['networkSettings'] = {};
  for (const [name, net] of Object.entries(raw.NetworkSettings.Networks ?? {})) {
    networkSettings[name] = { networkId: net.NetworkID, ipAddress: net.IPAddress };
  }
  const health = toHealth(raw.State.Health?.Status);
  return {
    id: raw.Id,
    name: raw.Name,
    hostname: raw.Config.Hostname,
    image: raw.Config.Image,
    imageId: raw.Image,
    command: [...(raw.Path ? [raw.Path] : []), ...(raw.Args ?? [])],
    env: raw.Config.Env ?? [],
    labels: raw.Config.Labels ?? {},
    mounts: (raw.Mounts ?? []).map((m) => ({
      type: m.Type,
      ...(m.Name ? { name: m.Name } : {}),
      source: m.Source,
      destination: m.Destination,
      mode: m.Mode,
      readOnly: !m.RW,
    })),
    networkSettings,
    ports,
    healthCheckStatus: health,
    state: {
      status: raw.State.Status as ContainerStatus,
      running: raw.State.Running,
      paused: raw.State.Paused,
      restarting: raw.State.Restarting,
      oomKilled: raw.State.OOMKilled,
      exitCode: raw.State.ExitCode,
      startedAt: toDate(raw.State.StartedAt),
      finishedAt: toDate(raw.State.FinishedAt),
      health,
    },
    restartCount: raw.RestartCount ?? 0,
    raw: raw as unknown as Record<string, unknown>,
  };
}
