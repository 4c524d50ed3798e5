import type { Readable } from 'node:stream';
import { ImageName } from '../image/image-name';
import type { ImagePullPolicy } from '../image/pull-policy';
import type { WaitStrategy } from '../wait/wait-strategy';
import { createSpec } from './container-spec';
import { GenericContainerBuilder, registerBuiltContainerFactory } from './generic-container-builder';
import { ContainerSpecHolder } from './container-spec-holder';
import type { PortWithOptionalBinding } from './ports';
import { parsePort } from './ports';
import { InvalidArgumentError } from '../errors';
import { runStartPipeline } from './start-pipeline';
import { runToCompletion, type RunResult } from './run-to-completion';
import type { StartedGenericContainer } from './started-generic-container';
import type { NamedNetwork, StartedTestContainer, TestContainer } from './test-container';
import type {
  ArchiveToCopy,
  BindMount,
  ContentToCopy,
  CopyToContainerOptions,
  DirectoryToCopy,
  Environment,
  ExtraHost,
  FileToCopy,
  HealthCheck,
  Labels,
  ResourcesQuota,
  RestartPolicyName,
  StartOptions,
  TmpFs,
  Ulimits,
  VolumeMode,
} from './types';
import * as v from './validate';

function containerRef(subject: string, target: StartedTestContainer | string): string {
  const ref = typeof target === 'string' ? target.replace(/^\//, '') : target.getName().replace(/^\//, '');
  return v.validateContainerName(ref, subject);
}

/**
 * A container to start: `new GenericContainer("redis:7").withExposedPorts(6379).start()`.
 * Builder methods record into a plain spec (they mutate this builder and return it); `start()` runs
 * the one start pipeline. Invalid input throws `InvalidArgumentError` at once.
 */
export class GenericContainer extends ContainerSpecHolder implements TestContainer {
  constructor(image: string) {
    super(createSpec(ImageName.fromUserReference(image)));
  }

  /** A builder that builds an image from a Dockerfile and returns a `GenericContainer` for it. */
  static fromDockerfile(context: string, dockerfile = 'Dockerfile'): GenericContainerBuilder {
    return new GenericContainerBuilder(context, dockerfile);
  }

  /** Starts the container and resolves when its wait strategy says it is ready. */
  async start(options: StartOptions = {}): Promise<StartedTestContainer> {
    return this.startGeneric(options);
  }

  /**
   * Runs the container's command to completion, like `docker run --rm`: starts it, waits until it
   * exits (bounded by the startup timeout; any wait strategy is replaced by this), and resolves its
   * exit code and whole output. The container is removed. A non-zero exit code does not throw.
   */
  async runToCompletion(options: StartOptions = {}): Promise<RunResult> {
    return runToCompletion(this.spec, this as never, options.signal);
  }

  /** @internal `start()` with the concrete class, for subclasses and matchers. */
  protected startGeneric(options: StartOptions = {}): Promise<StartedGenericContainer> {
    return runStartPipeline(this.spec, this as never, options.signal);
  }

  withCommand(command: string[]): this {
    this.spec.command = [...command];
    return this;
  }
  withEntrypoint(entrypoint: string[]): this {
    this.spec.entrypoint = [...entrypoint];
    return this;
  }
  withName(name: string): this {
    this.spec.name = v.validateContainerName(name);
    return this;
  }
  withLabels(labels: Labels): this {
    Object.assign(this.spec.labels, labels);
    return this;
  }
  withEnvironment(environment: Environment): this {
    Object.assign(this.spec.environment, v.validateEnvironment(environment));
    return this;
  }
  withPlatform(platform: string): this {
    this.spec.platform = platform;
    return this;
  }
  withTmpFs(tmpFs: TmpFs): this {
    for (const dir of Object.keys(tmpFs)) v.validateContainerPath('tmpfs path', dir);
    Object.assign(this.spec.tmpFs, tmpFs);
    return this;
  }
  withUlimits(ulimits: Ulimits): this {
    for (const [name, { soft, hard }] of Object.entries(ulimits)) this.spec.ulimits.push({ name, soft, hard });
    return this;
  }
  withSecurityOpt(...securityOptions: string[]): this {
    this.spec.securityOpt.push(...securityOptions);
    return this;
  }
  withAddedCapabilities(...capabilities: string[]): this {
    this.spec.capAdd.push(...capabilities);
    return this;
  }
  withDroppedCapabilities(...capabilities: string[]): this {
    this.spec.capDrop.push(...capabilities);
    return this;
  }
  /** Puts the container on a user-defined network (its network mode becomes the network's name). */
  withNetwork(network: NamedNetwork): this {
    this.spec.networkMode = network.getName();
    return this;
  }
  withNetworkMode(networkMode: string): this {
    this.spec.networkMode = networkMode;
    return this;
  }
  /** Aliases on the container's network (set at create: the container joins that one network only). */
  withNetworkAliases(...networkAliases: string[]): this {
    this.spec.networkAliases.push(...networkAliases.map((a) => v.validateAlias('network alias', a)));
    return this;
  }
  withExtraHosts(extraHosts: ExtraHost[]): this {
    this.spec.extraHosts.push(...extraHosts);
    return this;
  }
  withExposedPorts(...ports: PortWithOptionalBinding[]): this {
    for (const port of ports) parsePort(port);
    this.spec.exposedPorts.push(...ports);
    return this;
  }
  /** Replaces the bind mounts (as testcontainers does). */
  withBindMounts(bindMounts: BindMount[]): this {
    for (const m of bindMounts) {
      v.validateContainerPath('bind mount target', m.target);
      v.validateBindMode(m.mode ?? 'rw');
    }
    this.spec.bindMounts = bindMounts.map((m) => ({ ...m }));
    return this;
  }
  /** Mounts a named volume (a `StartedVolume` or a name) at `target`. */
  withVolumeMount(volume: { getName(): string } | string, target: string, mode: VolumeMode = 'rw'): this {
    const source = typeof volume === 'string' ? volume : volume.getName();
    if (!source) throw new InvalidArgumentError('volume', volume, 'expected a volume name');
    this.spec.volumeMounts.push({ source, target: v.validateContainerPath('volume target', target), mode: v.validateVolumeMode(mode) });
    return this;
  }
  /** Mounts every volume of another container (`--volumes-from`). */
  withVolumesFrom(source: StartedTestContainer | string, mode?: VolumeMode): this {
    const ref = containerRef('volumes-from source', source);
    this.spec.volumesFrom.push(mode ? `${ref}:${v.validateVolumeMode(mode)}` : ref);
    return this;
  }
  /** Links another container under `alias` (`--link target:alias`). */
  withLink(target: StartedTestContainer | string, alias: string): this {
    this.spec.links.push(`${containerRef('link target', target)}:${v.validateAlias('link alias', alias)}`);
    return this;
  }
  withHealthCheck(healthCheck: HealthCheck): this {
    this.spec.healthCheck = healthCheck;
    return this;
  }
  withStartupTimeout(startupTimeoutMs: number): this {
    this.spec.startupTimeoutMs = v.validateNonNegative('startup timeout', startupTimeoutMs);
    return this;
  }
  withWaitStrategy(waitStrategy: WaitStrategy): this {
    this.spec.waitStrategy = waitStrategy;
    return this;
  }
  withDefaultLogDriver(): this {
    this.spec.defaultLogDriver = true;
    return this;
  }
  withPrivilegedMode(): this {
    this.spec.privileged = true;
    return this;
  }
  withUser(user: string): this {
    this.spec.user = user;
    return this;
  }
  withReuse(): this {
    this.spec.reuse = true;
    return this;
  }
  withAutoCleanup(autoCleanup: boolean): this {
    this.spec.autoCleanup = autoCleanup;
    return this;
  }
  /** The default of `stop({ remove })` (not the engine's AutoRemove). */
  withAutoRemove(autoRemove: boolean): this {
    this.spec.autoRemove = autoRemove;
    return this;
  }
  withPullPolicy(pullPolicy: ImagePullPolicy): this {
    this.spec.pullPolicy = pullPolicy;
    return this;
  }
  withIpcMode(ipcMode: string): this {
    this.spec.ipcMode = ipcMode;
    return this;
  }
  withCopyFilesToContainer(filesToCopy: FileToCopy[]): this {
    this.spec.filesToCopy.push(...filesToCopy.map((f) => ({ ...f, target: v.validateContainerPath('copy target', f.target) })));
    return this;
  }
  withCopyDirectoriesToContainer(directoriesToCopy: DirectoryToCopy[]): this {
    this.spec.directoriesToCopy.push(...directoriesToCopy.map((d) => ({ ...d, target: v.validateContainerPath('copy target', d.target) })));
    return this;
  }
  withCopyContentToContainer(contentsToCopy: ContentToCopy[]): this {
    this.spec.contentsToCopy.push(...contentsToCopy.map((c) => ({ ...c, target: v.validateContainerPath('copy target', c.target) })));
    return this;
  }
  withCopyArchivesToContainer(archivesToCopy: ArchiveToCopy[]): this {
    this.spec.archivesToCopy.push(...archivesToCopy.map((a) => ({ ...a, target: v.validateContainerPath('archive target', a.target) })));
    return this;
  }
  withCopyToContainerOptions(options: CopyToContainerOptions): this {
    Object.assign(this.spec.copyToContainerOptions, options);
    return this;
  }
  withWorkingDir(workingDir: string): this {
    this.spec.workingDir = v.validateContainerPath('working directory', workingDir);
    return this;
  }
  /** Memory in GiB, cpu in cores. */
  withResourcesQuota(quota: ResourcesQuota): this {
    this.spec.resourcesQuota = {
      ...(quota.memory !== undefined ? { memory: v.validateNonNegative('memory quota', quota.memory) } : {}),
      ...(quota.cpu !== undefined ? { cpu: v.validateNonNegative('cpu quota', quota.cpu) } : {}),
    };
    return this;
  }
  withSharedMemorySize(bytes: number): this {
    this.spec.sharedMemorySize = v.validateNonNegative('shared memory size', bytes);
    return this;
  }
  withLogConsumer(logConsumer: (stream: Readable) => unknown): this {
    this.spec.logConsumer = logConsumer;
    return this;
  }
  withHostname(hostname: string): this {
    this.spec.hostname = v.validateHostname(hostname);
    return this;
  }
  /** Allocates a pseudo-TTY (`-t`). */
  withTty(tty = true): this {
    this.spec.tty = tty;
    return this;
  }
  /** Keeps stdin open (`-i`). */
  withOpenStdin(openStdin = true): this {
    this.spec.openStdin = openStdin;
    return this;
  }
  /** The restart policy (`--restart name[:maxRetries]`). */
  withRestartPolicy(name: RestartPolicyName, maxRetries?: number): this {
    this.spec.restartPolicy = v.validateRestartPolicy(name, maxRetries);
    return this;
  }
}

registerBuiltContainerFactory((image) => new GenericContainer(image));
