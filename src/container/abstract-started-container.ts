import type { Readable } from 'node:stream';
import type { ContainerChange } from './diff';
import type { InspectResult } from './inspect-result';
import type { NamedNetwork, StartedTestContainer, StoppedTestContainer } from './test-container';
import type {
  CommitOptions,
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

/**
 * Base class for module containers (`StartedRedisContainer extends AbstractStartedContainer`):
 * delegates every method to the wrapped container. Override the optional `containerStopping()` /
 * `containerStopped()` hooks to act around `stop()`.
 */
export class AbstractStartedContainer implements StartedTestContainer {
  constructor(protected readonly startedTestContainer: StartedTestContainer) {}

  protected containerStopping?(): Promise<void>;
  protected containerStopped?(): Promise<void>;

  async stop(options?: Partial<StopOptions>): Promise<StoppedTestContainer> {
    await this.containerStopping?.();
    const stopped = await this.startedTestContainer.stop(options);
    await this.containerStopped?.();
    return stopped;
  }
  restart(options?: Partial<RestartOptions>): Promise<void> {
    return this.startedTestContainer.restart(options);
  }
  commit(options: CommitOptions): Promise<string> {
    return this.startedTestContainer.commit(options);
  }
  getHost(): string {
    return this.startedTestContainer.getHost();
  }
  getHostname(): string {
    return this.startedTestContainer.getHostname();
  }
  getFirstMappedPort(): number {
    return this.startedTestContainer.getFirstMappedPort();
  }
  getMappedPort(port: number, protocol?: string): number;
  getMappedPort(portWithProtocol: `${number}/${'tcp' | 'udp'}`): number;
  getMappedPort(port: number | `${number}/${'tcp' | 'udp'}`, protocol?: string): number {
    return typeof port === 'number'
      ? this.startedTestContainer.getMappedPort(port, protocol)
      : this.startedTestContainer.getMappedPort(port);
  }
  getName(): string {
    return this.startedTestContainer.getName();
  }
  getLabels(): Labels {
    return this.startedTestContainer.getLabels();
  }
  getId(): string {
    return this.startedTestContainer.getId();
  }
  getNetworkNames(): string[] {
    return this.startedTestContainer.getNetworkNames();
  }
  getNetworkId(networkName: string): string {
    return this.startedTestContainer.getNetworkId(networkName);
  }
  getIpAddress(networkName: string): string {
    return this.startedTestContainer.getIpAddress(networkName);
  }
  copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream> {
    return this.startedTestContainer.copyArchiveFromContainer(path);
  }
  copyArchiveToContainer(tar: Readable, target?: string, options?: CopyToContainerOptions): Promise<void> {
    return this.startedTestContainer.copyArchiveToContainer(tar, target, options);
  }
  copyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): Promise<void> {
    return this.startedTestContainer.copyDirectoriesToContainer(directoriesToCopy);
  }
  copyFilesToContainer(filesToCopy: FileToCopy[]): Promise<void> {
    return this.startedTestContainer.copyFilesToContainer(filesToCopy);
  }
  copyContentToContainer(contentsToCopy: ContentToCopy[]): Promise<void> {
    return this.startedTestContainer.copyContentToContainer(contentsToCopy);
  }
  exec(command: string | string[], options?: Partial<ExecOptions>): Promise<ExecResult> {
    return this.startedTestContainer.exec(command, options);
  }
  logs(options?: LogsOptions): Promise<Readable> {
    return this.startedTestContainer.logs(options);
  }
  inspect(): Promise<InspectResult> {
    return this.startedTestContainer.inspect();
  }
  pause(): Promise<void> {
    return this.startedTestContainer.pause();
  }
  unpause(): Promise<void> {
    return this.startedTestContainer.unpause();
  }
  diff(): Promise<ContainerChange[]> {
    return this.startedTestContainer.diff();
  }
  connectToNetwork(network: NamedNetwork | string, options?: { aliases?: string[] }): Promise<void> {
    return this.startedTestContainer.connectToNetwork(network, options);
  }
  disconnectFromNetwork(network: NamedNetwork | string): Promise<void> {
    return this.startedTestContainer.disconnectFromNetwork(network);
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
