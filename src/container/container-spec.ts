import type { Readable } from 'node:stream';
import { getConfig } from '../config';
import type { ImageName } from '../image/image-name';
import { PullPolicy, type ImagePullPolicy } from '../image/pull-policy';
import type { WaitStrategy } from '../wait/wait-strategy';
import type { PortWithOptionalBinding } from './ports';
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
  TmpFs,
  VolumeMode,
} from './types';

/** A named volume (or anonymous path) mounted into the container. */
export interface VolumeMountSpec {
  /** The volume name. */
  source: string;
  target: string;
  mode: VolumeMode;
}

/**
 * Everything a `GenericContainer` builder recorded. Builder methods are one-liners into this object;
 * {@link toCreateRequest} maps it to the engine's create options; the start pipeline acts on it.
 */
export interface ContainerSpec {
  imageName: ImageName;
  command?: string[];
  entrypoint?: string[];
  name?: string;
  labels: Labels;
  environment: Environment;
  platform?: string;
  tmpFs: TmpFs;
  ulimits: { name: string; soft?: number; hard?: number }[];
  securityOpt: string[];
  capAdd: string[];
  capDrop: string[];
  networkMode?: string;
  networkAliases: string[];
  extraHosts: ExtraHost[];
  exposedPorts: PortWithOptionalBinding[];
  bindMounts: BindMount[];
  volumeMounts: VolumeMountSpec[];
  /** `container[:ro|rw]` entries. */
  volumesFrom: string[];
  /** `container:alias` entries. */
  links: string[];
  healthCheck?: HealthCheck;
  startupTimeoutMs?: number;
  waitStrategy?: WaitStrategy;
  defaultLogDriver: boolean;
  privileged: boolean;
  user?: string;
  reuse: boolean;
  autoCleanup: boolean;
  autoRemove: boolean;
  pullPolicy: ImagePullPolicy;
  ipcMode?: string;
  filesToCopy: FileToCopy[];
  directoriesToCopy: DirectoryToCopy[];
  contentsToCopy: ContentToCopy[];
  archivesToCopy: ArchiveToCopy[];
  copyToContainerOptions: CopyToContainerOptions;
  workingDir?: string;
  resourcesQuota?: ResourcesQuota;
  sharedMemorySize?: number;
  logConsumer?: (stream: Readable) => unknown;
  hostname?: string;
  tty: boolean;
  openStdin: boolean;
  restartPolicy?: { name: RestartPolicyName; maximumRetryCount?: number };
}

/** A fresh spec with the testcontainers defaults. */
export function createSpec(imageName: ImageName): ContainerSpec {
  return {
    imageName,
    labels: {},
    environment: {},
    tmpFs: {},
    ulimits: [],
    securityOpt: [],
    capAdd: [],
    capDrop: [],
    networkAliases: [],
    extraHosts: [],
    exposedPorts: [],
    bindMounts: [],
    volumeMounts: [],
    volumesFrom: [],
    links: [],
    defaultLogDriver: false,
    privileged: false,
    reuse: false,
    autoCleanup: true,
    autoRemove: true,
    pullPolicy: PullPolicy.defaultPolicy(),
    filesToCopy: [],
    directoriesToCopy: [],
    contentsToCopy: [],
    archivesToCopy: [],
    copyToContainerOptions: {},
    tty: false,
    openStdin: false,
  };
}

/**
 * The startup timeout of a start, in ms: the wait strategy's own when set, else
 * `withStartupTimeout`, else the configured default. It bounds the image pull, the wait for port
 * bindings and the wait strategy. `strategy` is the one the start runs (default: the explicit one).
 */
export function startupTimeoutOf(spec: ContainerSpec, strategy: WaitStrategy | undefined = spec.waitStrategy): number {
  if (strategy?.isStartupTimeoutSet()) return strategy.getStartupTimeout();
  return spec.startupTimeoutMs ?? getConfig().startupTimeoutMs;
}
