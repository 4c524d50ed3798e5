// The public surface of berth: a curated list of named exports (no `export *`).
// Grouped by domain; every type a public signature uses is exported too.

// --- errors ---
export {
  BerthError,
  EngineUnavailableError,
  EngineRequestError,
  InvalidArgumentError,
  ImagePullError,
  ImageBuildError,
  RegistryAuthError,
  ContainerStartError,
  WaitTimeoutError,
  OperationAbortedError,
  ResourceStateError,
  ExecFailedError,
  BackupError,
  NameConflictError,
  WaitStrategyError,
  isBerthError,
} from './errors';
export type { BerthErrorOptions, EngineAttempt, ContainerFailureDetails } from './errors';

// --- logging, configuration, labels ---
export { log } from './logger';
export type { Logger, LogOptions } from './logger';
export type { BerthConfig } from './config';
export {
  LABEL_TESTCONTAINERS,
  LABEL_TESTCONTAINERS_LANG,
  LABEL_TESTCONTAINERS_VERSION,
  LABEL_TESTCONTAINERS_SESSION_ID,
  LABEL_TESTCONTAINERS_CONTAINER_HASH,
  randomUuid,
} from './labels';

// --- engine ---
export { getEngineInfo } from './engine/public';
export type { EngineInfo } from './engine/engine-info';
export type { ConnectedEngineInfo } from './engine/public';

// --- images ---
export { ImageName } from './image/image-name';
export { PullPolicy } from './image/pull-policy';
export type { ImagePullPolicy } from './image/pull-policy';
export { ImagePushError, RegistryRequestError } from './errors';
export { registryLogin, searchImages, pushImage } from './image/registry-helpers';
export type { RegistryLoginOptions, ImageSearchResult, SearchImagesOptions, PushImageOptions } from './image/registry-helpers';
export { GenericContainerBuilder } from './container/generic-container-builder';
export type { BuildArgs, BuildOptions } from './container/generic-container-builder';

// --- wait ---
export { DEFAULT_STARTUP_TIMEOUT_MS } from './wait/wait-strategy';
export type { WaitStrategy } from './wait/wait-strategy';
export { Wait } from './wait/wait';
export { AbstractWaitStrategy } from './wait/abstract-wait-strategy';
export { HostPortWaitStrategy } from './wait/host-port-wait-strategy';
export { LogWaitStrategy } from './wait/log-wait-strategy';
export { HealthCheckWaitStrategy } from './wait/health-check-wait-strategy';
export { HttpWaitStrategy } from './wait/http-wait-strategy';
export type { HttpWaitStrategyOptions } from './wait/http-wait-strategy';
export { ShellWaitStrategy } from './wait/shell-wait-strategy';
export { StartupCheckStrategy } from './wait/startup-check-strategy';
export type { StartupStatus } from './wait/startup-check-strategy';
export { OneShotStartupCheckStrategy } from './wait/one-shot-startup-check-strategy';
export { CompositeWaitStrategy } from './wait/composite-wait-strategy';
export type { WaitTarget, BoundPortInfo, LogLine, TargetState, TargetExecResult, TargetEvent } from './wait/wait-target';

// --- containers ---
export { GenericContainer } from './container/generic-container';
export { StartedGenericContainer } from './container/started-generic-container';
export { StoppedGenericContainer } from './container/stopped-generic-container';
export { AbstractStartedContainer } from './container/abstract-started-container';
export { AbstractStoppedContainer } from './container/abstract-stopped-container';
export { BoundPorts } from './container/bound-ports';
export { getContainerPort, hasHostBinding } from './container/ports';
export { listContainers } from './container/registry';
export { RandomPortGenerator } from './container/port-generator';
export type { PortGenerator } from './container/port-generator';
export type { HostIp, HostPortBinding, HostPortBindings, Ports } from './container/bound-ports';
export { IntervalRetry } from './container/retry';
export type { Retry } from './container/retry';
export { RandomUuid } from './container/uuid';
export type { Uuid } from './container/uuid';
export type { PortWithBinding, PortWithOptionalBinding } from './container/ports';
export type { ContainerSummary, ContainerPortSummary, ListContainersOptions } from './container/registry';
export type { TestContainer, StartedTestContainer, StoppedTestContainer, NamedNetwork } from './container/test-container';
export type {
  InspectResult,
  ContainerStateView,
  ContainerStatus,
  ContainerRuntime,
  MountView,
  NetworkSettings,
} from './container/inspect-result';
export type { ContainerChange } from './container/diff';
export type { ContainerLifecycleHooks } from './container/start-pipeline';
export type { RunResult } from './container/run-to-completion';
export type {
  ArchiveToCopy,
  BindMode,
  BindMount,
  CommitOptions,
  Content,
  ContentToCopy,
  CopyToContainerOptions,
  DirectoryToCopy,
  Environment,
  ExecOptions,
  ExecResult,
  ExtraHost,
  FileToCopy,
  HealthCheck,
  HealthCheckStatus,
  Labels,
  LogsOptions,
  ResourcesQuota,
  RestartOptions,
  RestartPolicyName,
  StartOptions,
  StopOptions,
  TmpFs,
  Ulimits,
  VolumeMode,
} from './container/types';

// --- networks ---
export { Network, StartedNetwork, StoppedNetwork } from './network/network';
export type { NetworkOptions, NetworkUuid } from './network/network';

// --- volumes ---
export { Volume, StartedVolume, RemovedVolume } from './volume/volume';

// --- reaper ---
export { ReaperError } from './errors';
export { getSessionId } from './reaper/session';
export { getReaper } from './reaper/get-reaper';
export type { Reaper } from './reaper/get-reaper';
