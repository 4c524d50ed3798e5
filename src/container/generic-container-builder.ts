import { getConfig } from '../config';
import { InvalidArgumentError, ResourceStateError } from '../errors';
import { buildImage, defaultBuildImageName, type BuildOptions, type BuildSpec } from '../image/build-image';
import type { ImagePullPolicy } from '../image/pull-policy';
import type { GenericContainer } from './generic-container';
import { RandomUuid, type Uuid } from './uuid';

/** Build arguments (`ARG` values), name → value. */
export type BuildArgs = Record<string, string>;

let containerFactory: ((image: string) => GenericContainer) | undefined;

/**
 * @internal Registers how a built image becomes a container. `generic-container.ts` calls it when it
 * loads: this module cannot import `GenericContainer`, which imports this one.
 */
export function registerBuiltContainerFactory(factory: (image: string) => GenericContainer): void {
  containerFactory = factory;
}

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
   * @param uuid the source of the default image name's parts (`localhost/<uuid>:<uuid>`), as in testcontainers.
   */
  constructor(
    context: string,
    dockerfileName = 'Dockerfile',
    private readonly uuid: Uuid = new RandomUuid(),
  ) {
    if (typeof context !== 'string' || context === '') throw new InvalidArgumentError('build context', context, 'expected a folder path');
    if (typeof dockerfileName !== 'string' || dockerfileName === '') {
      throw new InvalidArgumentError('Dockerfile name', dockerfileName, 'expected a file path');
    }
    if (!uuid || typeof (uuid as Partial<Uuid>).nextUuid !== 'function') {
      throw new InvalidArgumentError('uuid', uuid, 'expected an object with nextUuid(), e.g. new RandomUuid()');
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
   * Builds the image, tagged `image` (default `localhost/<uuid>:<uuid>`, two ids from the builder's
   * {@link Uuid}), and returns a container for it. With `deleteOnExit` (the default) the session's
   * cleanup removes the image. A failing step rejects with `ImageBuildError` (step, last output lines, exit code).
   */
  async build(
    image: string = defaultBuildImageName(() => this.uuid.nextUuid()),
    options: BuildOptions = { deleteOnExit: true },
  ): Promise<GenericContainer> {
    const createContainer = containerFactory;
    if (!createContainer) {
      throw new ResourceStateError('GenericContainerBuilder', "import it from 'berth', which also loads GenericContainer");
    }
    const built = await buildImage({ ...this.spec, buildArgs: { ...this.spec.buildArgs }, labels: { ...this.spec.labels } }, image, options);
    // Built images are local: keep TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX from redirecting a name without registry.
    const name = built.image.registry || !getConfig().hubImageNamePrefix ? built.image.string : `docker.io/${built.image.string}`;
    return createContainer(name);
  }
}

export type { BuildOptions } from '../image/build-image';
