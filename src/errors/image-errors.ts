import { BerthError, type BerthErrorOptions } from './berth-error';

/** Pulling an image failed (not found, unauthorized, registry unreachable, or `neverPull` with a missing image). */
export class ImagePullError extends BerthError {
  constructor(
    readonly image: string,
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Pull failed: ${image} from ${registry} (${engineMessage})`, options);
  }
}

/** Building an image failed. Names the failing step, its last output lines and its exit code. */
export class ImageBuildError extends BerthError {
  constructor(
    readonly image: string,
    readonly step: string | undefined,
    readonly exitCode: number | undefined,
    readonly outputLines: readonly string[],
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(
      `Build failed: ${image}${step ? ` at step "${step}"` : ''}` +
        `${exitCode !== undefined ? ` (exit code ${exitCode})` : ''}: ${engineMessage}` +
        (outputLines.length ? `\nLast output:\n${outputLines.map((l) => `  ${l}`).join('\n')}` : ''),
      options,
    );
  }
}

/** Logging in to a registry, or using credentials with it, failed. */
export class RegistryAuthError extends BerthError {
  constructor(
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Registry authentication failed: ${registry} (${engineMessage})`, options);
  }
}

/** Pushing an image to a registry failed (unauthorized, registry unreachable, no such image, ...). */
export class ImagePushError extends BerthError {
  constructor(
    readonly image: string,
    readonly registry: string,
    readonly engineMessage: string,
    options: BerthErrorOptions = {},
  ) {
    super(`Push failed: ${image} to ${registry} (${engineMessage})`, options);
  }
}

/** A request berth sent to a registry itself (not through the engine), e.g. its catalog, failed. */
export class RegistryRequestError extends BerthError {
  constructor(
    readonly registry: string,
    readonly operation: string,
    readonly detail: string,
    options: BerthErrorOptions = {},
  ) {
    super(`${operation} failed: ${registry} (${detail})`, options);
  }
}
