// Every error berth throws, one file per domain. The public surface picks from this list.
export { BerthError, isBerthError } from './berth-error';
export type { BerthErrorOptions } from './berth-error';
export { EngineUnavailableError, EngineRequestError } from './engine-errors';
export type { EngineAttempt } from './engine-errors';
export { ImagePullError, ImageBuildError, RegistryAuthError, ImagePushError, RegistryRequestError } from './image-errors';
export { ContainerStartError, WaitTimeoutError, ExecFailedError, WaitStrategyError } from './container-errors';
export type { ContainerFailureDetails } from './container-errors';
export { InvalidArgumentError, OperationAbortedError, ResourceStateError, BackupError, NameConflictError, ReaperError } from './resource-errors';
