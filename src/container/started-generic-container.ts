import type { Readable } from 'node:stream';
import { getArchive } from '../engine/archive';
import {
  connectContainerToNetwork,
  containerChanges,
  disconnectContainerFromNetwork,
  inspectContainer,
  pauseContainer,
  unpauseContainer,
} from '../engine/containers';
import type { Engine } from '../engine/engine';
import { ResourceStateError } from '../errors';
import { bringUp, type ImageHealthInfo } from './bring-up';
import { commit } from './commit';
import { withInspect, type ContainerRun } from './container-run';
import type { ContainerSpec } from './container-spec';
import { copyArchive, copyToContainer } from './copy';
import { toContainerChanges, type ContainerChange } from './diff';
import { execCommand } from './exec';
import { toInspectResult, type InspectResult } from './inspect-result';
import { openLogs } from './logs';
import { removeAndForget, stopStartedContainer } from './stop';
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

function networkName(network: NamedNetwork | string): string {
  return typeof network === 'string' ? network : network.getName();
}

/** A container started by berth. Returned by `GenericContainer.start()`. */
export class StartedGenericContainer implements StartedTestContainer {
  private stopping: Promise<StoppedTestContainer> | undefined;
  private removed = false;

  /** @internal Created by the start pipeline. */
  constructor(
    private readonly engine: Engine,
    private readonly spec: ContainerSpec,
    private readonly imageHealth: ImageHealthInfo,
    private run: ContainerRun,
    /** Whether `withReuse()` found an existing container. */
    readonly reused = false,
  ) {}

  private get info() {
    return this.run.inspect;
  }

  /** @internal The shared log of the current run (for log consumers and matchers). */
  get currentRun(): ContainerRun {
    return this.run;
  }

  getId(): string {
    return this.run.id;
  }
  getHost(): string {
    return this.engine.host;
  }
  getHostname(): string {
    return this.info.Config.Hostname;
  }
  /** The name as the engine reports it, with a leading `/`. */
  getName(): string {
    return this.info.Name;
  }
  getLabels(): Labels {
    return { ...(this.info.Config.Labels ?? {}) };
  }
  getFirstMappedPort(): number {
    return this.run.boundPorts.getFirstBinding();
  }
  getMappedPort(port: number, protocol?: string): number;
  getMappedPort(portWithProtocol: `${number}/${'tcp' | 'udp'}`): number;
  getMappedPort(port: number | string, protocol = 'tcp'): number {
    return this.run.boundPorts.getBinding(port, protocol);
  }
  getNetworkNames(): string[] {
    return Object.keys(this.info.NetworkSettings.Networks ?? {});
  }
  getNetworkId(networkName: string): string {
    return this.networkOf(networkName).NetworkID;
  }
  getIpAddress(networkName: string): string {
    return this.networkOf(networkName).IPAddress;
  }
  private networkOf(name: string): { NetworkID: string; IPAddress: string } {
    const net = this.info.NetworkSettings.Networks?.[name];
    if (!net) throw new ResourceStateError(`container ${this.getId().slice(0, 12)}`, `not on network "${name}"`);
    return net;
  }

  async exec(command: string | string[], options: Partial<ExecOptions> = {}): Promise<ExecResult> {
    return execCommand(this.engine, this.getId(), command, options);
  }
  async logs(options: LogsOptions = {}): Promise<Readable> {
    return openLogs(this.engine, this.getId(), this.info.Config.Tty === true, options);
  }
  async inspect(): Promise<InspectResult> {
    return toInspectResult(await inspectContainer(this.engine, this.getId()));
  }
  async pause(): Promise<void> {
    await pauseContainer(this.engine, this.getId());
  }
  async unpause(): Promise<void> {
    await unpauseContainer(this.engine, this.getId());
  }
  /** The changes of the container's writable layer (`docker diff`), sorted by path. */
  async diff(): Promise<ContainerChange[]> {
    return toContainerChanges(await containerChanges(this.engine, this.getId()));
  }
  async commit(options: CommitOptions): Promise<string> {
    return commit(this.engine, this.getId(), options);
  }

  async copyArchiveFromContainer(path: string): Promise<NodeJS.ReadableStream> {
    return getArchive(this.engine, this.getId(), path);
  }
  async copyArchiveToContainer(tar: Readable, target = '/', options: CopyToContainerOptions = {}): Promise<void> {
    await copyArchive(this.engine, this.getId(), tar, target, options);
  }
  async copyFilesToContainer(filesToCopy: FileToCopy[]): Promise<void> {
    await copyToContainer(this.engine, this.getId(), { files: filesToCopy });
  }
  async copyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): Promise<void> {
    await copyToContainer(this.engine, this.getId(), { directories: directoriesToCopy.map(({ source, target }) => ({ source, target })) });
  }
  async copyContentToContainer(contentsToCopy: ContentToCopy[]): Promise<void> {
    await copyToContainer(this.engine, this.getId(), { contents: contentsToCopy });
  }

  /** Connects the container to a network (`docker network connect`), optionally with aliases. */
  async connectToNetwork(network: NamedNetwork | string, options: { aliases?: string[] } = {}): Promise<void> {
    await connectContainerToNetwork(this.engine, this.getId(), networkName(network), options.aliases ?? []);
    await this.refresh();
  }
  /** Disconnects the container from a network. */
  async disconnectFromNetwork(network: NamedNetwork | string): Promise<void> {
    await disconnectContainerFromNetwork(this.engine, this.getId(), networkName(network));
    await this.refresh();
  }
  private async refresh(): Promise<void> {
    this.run = withInspect(this.run, await inspectContainer(this.engine, this.getId()), this.spec.exposedPorts);
  }

  /**
   * Restarts the container: host ports may change (they are re-read), and the wait strategy runs
   * again and sees only the logs of the new run. `timeout` (ms) is the grace period before SIGKILL.
   */
  async restart(options: Partial<RestartOptions> = {}): Promise<void> {
    const previous = this.run;
    previous.logs.close();
    this.run = await bringUp({
      engine: this.engine,
      id: this.getId(),
      spec: this.spec,
      imageHealth: this.imageHealth,
      action: 'restart',
      restartTimeoutSeconds: Math.trunc((options.timeout ?? 0) / 1000),
      fresh: false,
    });
  }

  /**
   * Stops the container. By default removes it with its anonymous volumes (`--rm`); `remove: false`
   * keeps it stopped. Idempotent: later calls resolve the first result, except that an explicit
   * `remove: true` after a keeping stop removes the kept container.
   */
  stop(options: Partial<StopOptions> = {}): Promise<StoppedTestContainer> {
    const remove = options.remove ?? this.spec.autoRemove;
    const removeVolumes = options.removeVolumes ?? true;
    if (!this.stopping) {
      this.removed = remove;
      this.stopping = stopStartedContainer(this.engine, this.getId(), () => this.run.logs.close(), {
        timeout: options.timeout ?? 0,
        remove,
        removeVolumes,
      });
      this.stopping.catch(() => (this.stopping = undefined));
    } else if (options.remove === true && !this.removed) {
      this.removed = true;
      this.stopping = this.stopping.then(async (stopped) => {
        await removeAndForget(this.engine, this.getId(), removeVolumes);
        return stopped;
      });
    }
    return this.stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
