import type { Readable } from 'node:stream';
import type { ImagePullPolicy } from '../image/pull-policy';
import type { WaitStrategy } from '../wait/wait-strategy';
import type { PortWithOptionalBinding } from './ports';
import type { ContainerChange } from './diff';
import type { InspectResult } from './inspect-result';
import type {
  ArchiveToCopy,
  BindMount,
  CommitOptions,
  Environment,
  ExtraHost,
  ResourcesQuota,
  StartOptions,
  TmpFs,
  Ulimits,
  ContentToCopy,
  CopyToContainerOptions,
  DirectoryToCopy,
  ExecOptions,
  ExecResult,
  FileToCopy,
  Labels,
  LogsOptions,
  RestartOptions,
  StopOptions,
} from './types';

/** Something with a network name: a `StartedNetwork`, or any `{ getName() }`. */
export interface NamedNetwork {
  getName(): string;
}

/** A container after `stop({ remove: false })` or a removing stop. */
export interface StoppedTestContainer {
  getId(): string;
  /** A tar stream of `path` (works while the container was not removed). */
  copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream>;
}

/** A running container (testcontainers `StartedTestContainer`, plus berth's docker workflow methods). */
export interface StartedTestContainer extends AsyncDisposable {
  /** Stops it; by default removes it with its anonymous volumes. Idempotent. */
  stop(options?: Partial<StopOptions>): Promise<StoppedTestContainer>;
  /** Restarts it and runs the wait strategy again; mapped ports are re-read. */
  restart(options?: Partial<RestartOptions>): Promise<void>;
  /** Commits it to an image (`docker commit`) and resolves the image id. */
  commit(options: CommitOptions): Promise<string>;
  /** The host name to reach its published ports (`localhost` for a local engine; see docs/containers.md). */
  getHost(): string;
  /** Its host name inside the container. */
  getHostname(): string;
  /** The host port of the first declared port. */
  getFirstMappedPort(): number;
  /** The host port of a container port; throws `ResourceStateError` when it is not published. */
  getMappedPort(port: number, protocol?: string): number;
  getMappedPort(portWithProtocol: `${number}/${'tcp' | 'udp'}`): number;
  /** Its name, with the engine's leading `/`. */
  getName(): string;
  /** Its labels, berth's own included. */
  getLabels(): Labels;
  /** The full container id. */
  getId(): string;
  /** The networks it was on when it started (or was last connected / disconnected). */
  getNetworkNames(): string[];
  /** The id of a network it is on. */
  getNetworkId(networkName: string): string;
  /** Its IP address on a network it is on. */
  getIpAddress(networkName: string): string;
  /** A tar stream of `path` in the container. */
  copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream>;
  /** Extracts a tar stream into the container at `target` (default `/`). */
  copyArchiveToContainer(tar: Readable, target?: string, options?: CopyToContainerOptions): Promise<void>;
  /** Copies host directories into the container. */
  copyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): Promise<void>;
  /** Copies host files into the container. */
  copyFilesToContainer(filesToCopy: FileToCopy[]): Promise<void>;
  /** Writes contents (string, Buffer or stream) to files in the container. */
  copyContentToContainer(contentsToCopy: ContentToCopy[]): Promise<void>;
  /** Runs a command in it; a string is split with shell-like quoting. A non-zero exit does not throw. */
  exec(command: string | string[], options?: Partial<ExecOptions>): Promise<ExecResult>;
  /** Its log as a text stream of whole lines (follows by default). */
  logs(options?: LogsOptions): Promise<Readable>;
  /** A fresh `docker inspect`. */
  inspect(): Promise<InspectResult>;
  /** Freezes every process of it. */
  pause(): Promise<void>;
  /** Thaws it after {@link StartedTestContainer.pause}. */
  unpause(): Promise<void>;
  /** The changes of its writable layer (`docker diff`), sorted by path. */
  diff(): Promise<ContainerChange[]>;
  /** Connects it to a network, optionally with aliases. */
  connectToNetwork(network: NamedNetwork | string, options?: { aliases?: string[] }): Promise<void>;
  /** Disconnects it from a network. */
  disconnectFromNetwork(network: NamedNetwork | string): Promise<void>;
}

/** The builder contract (testcontainers `TestContainer`), implemented by `GenericContainer`. */
export interface TestContainer {
  start(options?: StartOptions): Promise<StartedTestContainer>;
  withEnvironment(environment: Environment): this;
  withCommand(command: string[]): this;
  withEntrypoint(entrypoint: string[]): this;
  withTmpFs(tmpFs: TmpFs): this;
  withUlimits(ulimits: Ulimits): this;
  withAddedCapabilities(...capabilities: string[]): this;
  withDroppedCapabilities(...capabilities: string[]): this;
  withExposedPorts(...ports: PortWithOptionalBinding[]): this;
  withBindMounts(bindMounts: BindMount[]): this;
  withWaitStrategy(waitStrategy: WaitStrategy): this;
  withStartupTimeout(startupTimeoutMs: number): this;
  withNetwork(network: NamedNetwork): this;
  withNetworkMode(networkMode: string): this;
  withExtraHosts(extraHosts: ExtraHost[]): this;
  withDefaultLogDriver(): this;
  withPrivilegedMode(): this;
  withPlatform(platform: string): this;
  withUser(user: string): this;
  withPullPolicy(pullPolicy: ImagePullPolicy): this;
  withReuse(): this;
  withAutoCleanup(autoCleanup: boolean): this;
  withAutoRemove(autoRemove: boolean): this;
  withCopyFilesToContainer(filesToCopy: FileToCopy[]): this;
  withCopyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): this;
  withCopyContentToContainer(contentsToCopy: ContentToCopy[]): this;
  withCopyArchivesToContainer(archivesToCopy: ArchiveToCopy[]): this;
  withCopyToContainerOptions(options: CopyToContainerOptions): this;
  withWorkingDir(workingDir: string): this;
  withResourcesQuota(resourcesQuota: ResourcesQuota): this;
  withSharedMemorySize(bytes: number): this;
  withLogConsumer(logConsumer: (stream: Readable) => unknown): this;
  withHostname(hostname: string): this;
  withSecurityOpt(...securityOpt: string[]): this;
}
