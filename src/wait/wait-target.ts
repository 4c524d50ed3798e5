/**
 * The narrow view of a container that a wait strategy sees. It never exposes the Engine API
 * client, so strategies can be unit-tested against a fake (see test/unit/wait/fake-target.ts).
 */

/** One published port of the container. */
export interface BoundPortInfo {
  /** The port inside the container. */
  containerPort: number;
  /** `tcp` or `udp`. */
  protocol: 'tcp' | 'udp';
  /** The port on {@link WaitTarget.host} it is published on. */
  hostPort: number;
}

/** One line the container logged, with the stream it came from. */
export interface LogLine {
  /** The line without its trailing newline. */
  text: string;
  /** Which stream wrote it (`stdout` for TTY containers). */
  stream: 'stdout' | 'stderr';
}

/** The container state a strategy can ask for. */
export interface TargetState {
  /** Engine state name: `created`, `running`, `paused`, `restarting`, `exited`, `removing`, `dead`. */
  status: string;
  running: boolean;
  exitCode?: number;
  oomKilled: boolean;
  /** `starting`, `healthy`, `unhealthy`, or undefined when the container has no health check. */
  health?: 'starting' | 'healthy' | 'unhealthy' | 'none';
  /** The output of the most recent health check probe, if any. */
  lastHealthOutput?: string;
  /** When the container last started. */
  startedAt?: Date;
  finishedAt?: Date;
}

/** The outcome of a command run in the container. */
export interface TargetExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order they were written. */
  output: string;
}

/** A container event a strategy may react to (a subset of the engine's event stream). */
export interface TargetEvent {
  /** e.g. `health_status: healthy`, `die`, `oom`, `start`, `restart`. */
  action: string;
  /** Event attributes, e.g. `exitCode`. */
  attributes: Readonly<Record<string, string>>;
}

/** What a wait strategy can see and do. Every method honours the AbortSignal passed to the strategy. */
export interface WaitTarget {
  /** The container id. */
  readonly id: string;
  /** The image reference the container runs. */
  readonly image: string;
  /** Host name to reach published ports. */
  readonly host: string;
  /** Published ports, in the order the container declared them. */
  boundPorts(): readonly BoundPortInfo[];
  /** The host port of a container port; throws when it is not published. */
  mappedPort(containerPort: number, protocol?: 'tcp' | 'udp'): number;
  /**
   * The container's IP addresses on its networks, reachable directly from this machine only when
   * `engineIsLocal` (a local Linux engine): a connection there bypasses the engine's port proxy.
   */
  ipAddresses(): readonly string[];
  /** Whether the engine runs on this machine (container IPs are then routable from here). */
  readonly engineIsLocal: boolean;
  /**
   * Every log line since the container's (re)start, in order, then new ones as they arrive.
   * Backed by one follow stream per container, shared with log consumers. Ends when the container stops.
   */
  logLines(signal: AbortSignal): AsyncIterable<LogLine>;
  /** Runs a command (no shell) in the container. */
  exec(command: readonly string[], signal: AbortSignal): Promise<TargetExecResult>;
  /** The current state (one inspect call). */
  state(signal: AbortSignal): Promise<TargetState>;
  /** Engine events of this container from its (re)start on, then live ones. */
  events(signal: AbortSignal): AsyncIterable<TargetEvent>;
}
