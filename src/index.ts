// The public surface of berth: a curated list of named exports (no `export *`).
// Each domain keeps its exports in its own section; add to your section only.

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
export type { EngineInfo } from './engine/engine';

// --- images ---
export { ImageName } from './image/image-name';
export { PullPolicy } from './image/pull-policy';
export type { ImagePullPolicy } from './image/pull-policy';

// --- wait ---
export { DEFAULT_STARTUP_TIMEOUT_MS } from './wait/wait-strategy';
export type { WaitStrategy } from './wait/wait-strategy';
export type { WaitTarget, BoundPortInfo, LogLine, TargetState, TargetExecResult, TargetEvent } from './wait/wait-target';

// --- containers ---

// --- networks ---

// --- volumes ---

// --- reaper ---
