/**
 * berth's own shapes of the Engine API container requests and responses (API 1.41), so that no
 * dockerode type leaves `src/engine/`. Only the fields berth reads or writes are declared.
 */

/** `HostConfig.PortBindings` / `NetworkSettings.Ports` value. */
export interface EnginePortBinding {
  HostIp?: string;
  HostPort?: string;
}

/** `HostConfig` of a create request. */
export interface EngineHostConfig {
  Binds?: string[];
  PortBindings?: Record<string, EnginePortBinding[]>;
  Tmpfs?: Record<string, string>;
  Ulimits?: { Name: string; Soft?: number; Hard?: number }[];
  SecurityOpt?: string[];
  CapAdd?: string[];
  CapDrop?: string[];
  NetworkMode?: string;
  ExtraHosts?: string[];
  LogConfig?: { Type: string; Config?: Record<string, string> };
  Privileged?: boolean;
  IpcMode?: string;
  Memory?: number;
  NanoCpus?: number;
  ShmSize?: number;
  RestartPolicy?: { Name: string; MaximumRetryCount?: number };
  Links?: string[];
  VolumesFrom?: string[];
  AutoRemove?: boolean;
  DeviceRequests?: unknown[];
}

/** `Healthcheck` of a create request; durations in nanoseconds. */
export interface EngineHealthcheck {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
}

/** The body of `POST /containers/create`. */
export interface EngineCreateBody {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  Hostname?: string;
  User?: string;
  WorkingDir?: string;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  Healthcheck?: EngineHealthcheck;
  HostConfig: EngineHostConfig;
  NetworkingConfig?: { EndpointsConfig: Record<string, { Aliases?: string[] }> };
}

/** A full create request: the body plus the query parameters. */
export interface EngineCreateRequest {
  name?: string;
  platform?: string;
  body: EngineCreateBody;
}

/** The fields of `GET /containers/{id}/json` berth uses. */
export interface EngineContainerInspect {
  Id: string;
  Name: string;
  Created: string;
  Image: string;
  Path?: string;
  Args?: string[];
  RestartCount?: number;
  State: {
    Status: string;
    Running: boolean;
    Paused: boolean;
    Restarting: boolean;
    OOMKilled: boolean;
    Dead: boolean;
    ExitCode: number;
    Error?: string;
    StartedAt: string;
    FinishedAt: string;
    Health?: { Status: string; FailingStreak?: number; Log?: { ExitCode: number; Output: string }[] };
  };
  Config: {
    Hostname: string;
    User?: string;
    Tty?: boolean;
    OpenStdin?: boolean;
    Env?: string[] | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    Image: string;
    WorkingDir?: string;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
    Healthcheck?: EngineHealthcheck;
  };
  HostConfig: EngineHostConfig;
  Mounts?: { Type: string; Name?: string; Source: string; Destination: string; Mode: string; RW: boolean }[];
  NetworkSettings: {
    Ports?: Record<string, EnginePortBinding[] | null> | null;
    Networks?: Record<string, { NetworkID: string; IPAddress: string; Aliases?: string[] | null }>;
  };
}

/** One row of `GET /containers/json`. */
export interface EngineContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Status: string;
  Labels: Record<string, string>;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
}

/** One entry of `GET /containers/{id}/changes`: Kind 0 modified, 1 added, 2 deleted. */
export interface EngineChange {
  Path: string;
  Kind: 0 | 1 | 2;
}
