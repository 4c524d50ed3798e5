import { getConfig } from '../config';
import { InvalidArgumentError, ResourceStateError } from '../errors';
import { buildImage, defaultBuildImageName, type BuildOptions, type BuildSpec } from '../image/build-image';
import type { ImagePullPolicy } from '../image/pull-policy';
import type { GenericContainer } from './generic-container';

/** Build arguments (`ARG` values), name → value. */
export type BuildArgs = Record<string, string>;

/**
 * Builds an image from a Dockerfile and hands back a {@link GenericContainer} for it:
 * `await GenericContainer.fromDockerfile('./app').withBuildArgs({ V: '1' }).build()`.
 * The `with*` methods record into a plain spec; `build()` does the work.
 */
export class GenericContainerBuilder {
  private readonly spec: BuildSpec;

  /**
   * @param context the build context folder.
   * @param dockerfileName the Dockerfile, relative to the context or absolute; it may sit outside the context.
   * @param createContainer @internal makes the container for the built image (`GenericContainer.fromDockerfile` passes it;
   *   taking it as a parameter keeps this module from importing `GenericContainer`, which imports this one).
   */
  constructor(
    context: string,
    dockerfileName = 'Dockerfile',
    private readonly createContainer?: (image: string) => GenericContainer,
  ) {
    if (typeof context !== 'string' || context === '') throw new InvalidArgumentError('build context', context, 'expected a folder path');
    if (typeof dockerfileName !== 'string' || dockerfileName === '') {
      throw new InvalidArgumentError('Dockerfile name', dockerfileName, 'expected a file path');
    }
    this.spec = { context, dockerfile: dockerfileName, buildArgs: {}, cache: true, buildkit: false, labels: {} };
  }

  /** Sets the build arguments (replacing earlier ones). */
  withBuildArgs(buildArgs: BuildArgs): this {
    for (const [k, v] of Object.entries(buildArgs)) {
      if (typeof v !== 'string') throw new InvalidArgumentError(`build arg ${k}`, v, 'expected a string value');
    }
    this.spec.buildArgs = { ...buildArgs };
    return this;
  }

  /**
   * How base images are pulled: `alwaysPull()` pulls them even when present (`pull=true`),
   * `neverPull()` fails with `ImagePullError` before building when one is missing, the default pulls missing ones.
   */
  withPullPolicy(pullPolicy: ImagePullPolicy): this {
    this.spec.pullPolicy = pullPolicy;
    return this;
  }

  /** `false` builds without the layer cache (`nocache`). */
  withCache(cache: boolean): this {
    this.spec.cache = cache;
    return this;
  }

  /** Builds with BuildKit (the engine's built-in BuildKit through an API session; `buildx` is not needed). */
  withBuildkit(): this {
    this.spec.buildkit = true;
    return this;
  }

  /** The platform to build for, e.g. `linux/amd64`. */
  withPlatform(platform: string): this {
    this.spec.platform = platform;
    return this;
  }

  /** The network `RUN` steps use: `host`, `none` or a network name (default: the engine's bridge). */
  withNetworkMode(networkMode: string): this {
    this.spec.networkMode = networkMode;
    return this;
  }

  /** Builds only up to this stage of a multi-stage Dockerfile. */
  withTarget(target: string): this {
    this.spec.target = target;
    return this;
  }

  /** Extra labels for the image (berth's own labels are always added). */
  withLabels(labels: Record<string, string>): this {
    Object.assign(this.spec.labels, labels);
    return this;
  }

  /**
   * Builds the image, tagged `image` (default `localhost/<uuid12>:<uuid12>`), and returns a
   * container for it. With `deleteOnExit` (the default) the session's cleanup removes the image.
   * A failing step rejects with `ImageBuildError` (step, last output lines, exit code).
   */
  async build(image: string = defaultBuildImageName(), options: BuildOptions = { deleteOnExit: true }): Promise<GenericContainer> {
    if (!this.createContainer) {
      throw new ResourceStateError('GenericContainerBuilder', 'create it with GenericContainer.fromDockerfile(context, dockerfile)');
    }
    const built = await buildImage({ ...this.spec, buildArgs: { ...this.spec.buildArgs }, labels: { ...this.spec.labels } }, image, options);
    // Built images are local: keep TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX from redirecting a name without registry.
    const name = built.image.registry || !getConfig().hubImageNamePrefix ? built.image.string : `docker.io/${built.image.string}`;
    return this.createContainer(name);
  }
}

export type { BuildOptions } from '../image/build-image';
