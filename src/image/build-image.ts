import { buildImageStream, BuildStreamError, type EngineBuildQuery } from '../engine/build';
import { getEngine, type Engine } from '../engine/engine';
import { inspectImage } from '../engine/images';
import type { EngineAuth } from '../engine/registry';
import { ImageBuildError, ImagePullError, OperationAbortedError } from '../errors';
import { randomUuid, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { ensureReaper } from '../reaper/reaper';
import { getSessionId } from '../reaper/session';
import { creationSite, trackResource } from '../reaper/tracker';
import { packBuildContext } from './build-context';
import { baseImages } from './dockerfile';
import { ImageName } from './image-name';
import type { ImagePullPolicy } from './pull-policy';
import { getRegistryAuth } from './registry-auth';

const log = createLogger('berth:build');

/** What a {@link GenericContainerBuilder} records: a plain spec, mapped to the Engine API by {@link toBuildQuery}. */
export interface BuildSpec {
  context: string;
  dockerfile: string;
  buildArgs: Record<string, string>;
  target?: string;
  cache: boolean;
  pullPolicy?: ImagePullPolicy;
  platform?: string;
  networkMode?: string;
  buildkit: boolean;
  labels: Record<string, string>;
}

/** Options of `build()`. */
export interface BuildOptions {
  /** Label the image with this session, so the session's cleanup removes it (default `true`). */
  deleteOnExit?: boolean;
  /** Cancels the build; anything started is stopped by the engine when the request closes. */
  signal?: AbortSignal;
}

/** The image name `build()` uses when none is given: `localhost/<uuid>:<uuid>`, each part a fresh `nextUuid()` (12 hex by default). */
export function defaultBuildImageName(nextUuid: () => string = randomUuid): string {
  return `localhost/${nextUuid()}:${nextUuid()}`;
}

/** Maps a spec to the `POST /build` query. Pure: unit tests call it. */
export function toBuildQuery(spec: BuildSpec, image: string, dockerfileInTar: string, deleteOnExit: boolean, sessionId: string): EngineBuildQuery {
  const query: EngineBuildQuery = {
    t: image,
    dockerfile: dockerfileInTar,
    buildargs: { ...spec.buildArgs },
    labels: { ...spec.labels, ...standardLabels(), ...(deleteOnExit ? sessionLabels(sessionId) : {}) },
    version: spec.buildkit ? '2' : '1',
    rm: true,
    forcerm: true,
  };
  if (spec.target) query.target = spec.target;
  if (!spec.cache) query.nocache = true;
  if (spec.pullPolicy?.shouldPull() === true) query.pull = true;
  if (spec.platform) query.platform = spec.platform;
  if (spec.networkMode) query.networkmode = spec.networkMode;
  return query;
}

/** Credentials for every registry the `FROM` images come from (`X-Registry-Config`). */
async function registryConfigFor(images: readonly ImageName[]): Promise<Record<string, EngineAuth>> {
  const config: Record<string, EngineAuth> = {};
  for (const registry of new Set(images.map((i) => i.effectiveRegistry))) {
    const auth = await getRegistryAuth(registry);
    if (auth) config[auth.serveraddress] = auth;
  }
  return config;
}

async function assertBaseImagesPresent(engine: Engine, image: string, bases: readonly ImageName[]): Promise<void> {
  for (const base of bases) {
    if (!(await inspectImage(engine, base.string))) {
      throw new ImagePullError(base.string, base.effectiveRegistry, `base image of ${image} is not present locally and the pull policy is neverPull`);
    }
  }
}

/**
 * Builds an image from a spec: packs the context (honouring `.dockerignore`), passes credentials
 * for the `FROM` images, streams output to `berth:build`, and labels the image with berth's
 * labels (and this session's when `deleteOnExit`). A failing step rejects with {@link ImageBuildError}.
 */
export async function buildImage(spec: BuildSpec, name: string, options: BuildOptions = {}): Promise<{ image: ImageName; imageId: string }> {
  const createdBy = creationSite(); // before the first await: the caller's frame is on the stack
  const image = ImageName.fromString(name);
  const deleteOnExit = options.deleteOnExit ?? true;
  const packed = await packBuildContext(spec.context, spec.dockerfile);
  const bases = baseImages(packed.dockerfileText, spec.buildArgs).flatMap((f) => {
    try {
      return [ImageName.fromString(f.image)];
    } catch {
      return []; // the engine reports a bad FROM with its own message
    }
  });
  try {
    const engine = await getEngine();
    await ensureReaper(engine);
    if (spec.pullPolicy?.shouldPull() === 'never') await assertBaseImagesPresent(engine, image.string, bases);
    const registryConfig = await registryConfigFor(bases);
    const sessionAuth = Object.values(registryConfig)[0];
    const query = toBuildQuery(spec, image.string, packed.dockerfile, deleteOnExit, getSessionId());
    log.debug(`Building from ${spec.context} (${packed.entries.length} context entries, Dockerfile ${packed.dockerfile})`, { image: image.string });
    const reported = await buildImageStream(engine, packed.tar, query, {
      registryConfig,
      sessionAuth,
      signal: options.signal,
      onLine: (line) => log.debug(line, { image: image.string }),
    });
    const inspected = await inspectImage(engine, image.string);
    if (!inspected) throw new ImageBuildError(image.string, undefined, undefined, [], 'the engine reported no error, but the image does not exist');
    const imageId = inspected.Id ?? reported;
    if (deleteOnExit) trackResource({ kind: 'image', id: imageId, name: image.string, ...(createdBy ? { createdBy } : {}) });
    log.info(`Built ${imageId.slice(7, 19)}`, { image: image.string });
    return { image, imageId };
  } catch (error) {
    packed.tar.destroy();
    if (error instanceof BuildStreamError) {
      if (error.kind === 'aborted') throw new OperationAbortedError(`build ${image.string}`, { cause: error });
      throw new ImageBuildError(image.string, error.step, error.exitCode, error.lines, error.message, { cause: error });
    }
    throw error;
  }
}
