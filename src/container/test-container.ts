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
  stop(options?: Partial<StopOptions>): Promise<StoppedTestContainer>;
  restart(options?: Partial<RestartOptions>): Promise<void>;
  commit(options: CommitOptions): Promise<string>;
  getHost(): string;
  getHostname(): string;
  getFirstMappedPort(): number;
  getMappedPort(port: number, protocol?: string): number;
  getMappedPort(portWithProtocol: `${number}/${'tcp' | 'udp'}`): number;
  getName(): string;
  getLabels(): Labels;
  getId(): string;
  getNetworkNames(): string[];
  getNetworkId(networkName: string): string;
  getIpAddress(networkName: string): string;
  copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream>;
  copyArchiveToContainer(tar: Readable, target?: string, options?: CopyToContainerOptions): Promise<void>;
  copyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): Promise<void>;
  copyFilesToContainer(filesToCopy: FileToCopy[]): Promise<void>;
  copyContentToContainer(contentsToCopy: ContentToCopy[]): Promise<void>;
  exec(command: string | string[], options?: Partial<ExecOptions>): Promise<ExecResult>;
  logs(options?: LogsOptions): Promise<Readable>;
  inspect(): Promise<InspectResult>;
  pause(): Promise<void>;
  unpause(): Promise<void>;
  diff(): Promise<ContainerChange[]>;
  connectToNetwork(network: NamedNetwork | string, options?: { aliases?: string[] }): Promise<void>;
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
