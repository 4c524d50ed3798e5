import type { Readable } from 'node:stream';

/** Environment variables, `{ NAME: "value" }`. */
export type Environment = { [key: string]: string };

/** Container labels, `{ key: "value" }`. */
export type Labels = { [key: string]: string };

/** tmpfs mounts: `{ "/path": "rw,size=64m" }`. */
export type TmpFs = { [dir: string]: string };

/** Resource limits: `{ nofile: { soft: 1024, hard: 2048 } }`. */
export type Ulimits = { [name: string]: { hard: number | undefined; soft: number | undefined } };

/** Limits in testcontainers units: memory in GiB, cpu in cores. */
export type ResourcesQuota = { memory?: number; cpu?: number };

/** Bind mount mode: read-write, read-only, or SELinux relabel (shared `z`, private `Z`). */
export type BindMode = 'rw' | 'ro' | 'z' | 'Z';

/** A host path mounted into the container. */
export type BindMount = { source: string; target: string; mode?: BindMode };

/** A `/etc/hosts` entry. */
export type ExtraHost = { host: string; ipAddress: string };

/** A host file copied into the container (`mode` is the file mode, e.g. `0o755`). */
export type FileToCopy = { source: string; target: string; mode?: number };

/** A host directory copied into the container. */
export type DirectoryToCopy = FileToCopy;

/** What can be written into a container as a file. */
export type Content = string | Buffer | Readable;

/** Content written to a file in the container. */
export type ContentToCopy = { content: Content; target: string; mode?: number };

/** A tar archive extracted into the container at `target`. */
export type ArchiveToCopy = { tar: Readable; target: string };

/** Options of the engine's archive upload. */
export type CopyToContainerOptions = { noOverwriteDirNonDir?: boolean; copyUIDGID?: boolean };

/** A container health check; times in milliseconds. */
export type HealthCheck = {
  test: ['CMD-SHELL', string] | ['CMD', ...string[]] | ['NONE'];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
};

/** Volume mount mode for `withVolumeMount` / `withVolumesFrom`. */
export type VolumeMode = 'rw' | 'ro';

/** `withRestartPolicy` names, as `docker run --restart`. */
export type RestartPolicyName = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** Options of `exec`. */
export type ExecOptions = { workingDir: string; user: string; env: Environment };

/** The outcome of `exec`. A non-zero exit code does not throw. */
export type ExecResult = { output: string; stdout: string; stderr: string; exitCode: number };

/** Options of `stop()`; `timeout` in ms (truncated to whole seconds). */
export interface StopOptions {
  timeout: number;
  remove: boolean;
  removeVolumes: boolean;
}

/** Options of `restart()`; `timeout` in ms. */
export interface RestartOptions {
  timeout: number;
}

/** Options of `commit()`. */
export type CommitOptions = {
  repo: string;
  tag: string;
  comment?: string;
  author?: string;
  pause?: boolean;
  /** Dockerfile instructions applied to the image, e.g. `CMD ["redis-cli"]`, `ENV A=b`. */
  changes?: string[];
  /** Remove the image when the session ends (default true). */
  deleteOnExit?: boolean;
};

/** Options of `logs()`. */
export type LogsOptions = {
  /** Keep the stream open for new lines (default true). */
  follow?: boolean;
  /** Only lines at or after this UNIX time, in seconds (may be fractional). */
  since?: number;
  /** Only the last N lines. */
  tail?: number;
  /** Include stdout (default true). */
  stdout?: boolean;
  /** Include stderr (default true). */
  stderr?: boolean;
};

/** Options of `start()`. */
export type StartOptions = {
  /** Cancels the start; anything created is removed and the start rejects with `OperationAbortedError`. */
  signal?: AbortSignal;
};

/** The health of a container. */
export type HealthCheckStatus = 'none' | 'starting' | 'unhealthy' | 'healthy';
