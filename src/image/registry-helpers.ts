import { getEngine } from '../engine/engine';
import { engineMessageOf, toEngineError } from '../engine/engine-error';
import { checkAuth, pushImageStream, searchHub, TransferError, type EngineAuth } from '../engine/registry';
import { ImagePushError, InvalidArgumentError, OperationAbortedError, RegistryAuthError } from '../errors';
import { registryHostOf } from './docker-config';
import { DOCKER_HUB_REGISTRY, ImageName } from './image-name';
import { progressMode, TransferProgress } from './pull-progress';
import { listCatalog } from './registry-catalog';
import { getRegistryAuth, rememberLogin, serverAddressOf } from './registry-auth';

/** Credentials for {@link registryLogin}. */
export interface RegistryLoginOptions {
  /** `127.0.0.1:5000`, `registry.example.com`, `https://index.docker.io/v1/`; default Docker Hub. */
  registry?: string;
  username: string;
  password: string;
}

/** One hit of {@link searchImages}. */
export interface ImageSearchResult {
  /** Repository name; for a private registry prefixed with it, e.g. `127.0.0.1:5000/app`. */
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

/** Options of {@link searchImages}. */
export interface SearchImagesOptions {
  /** At most this many results (default 25). */
  limit?: number;
  /** Search this private registry's catalog instead of Docker Hub. */
  registry?: string;
}

/** Options of {@link pushImage}. */
export interface PushImageOptions {
  /** Bound for the whole push in ms (default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

function normalizeRegistry(registry: string | undefined): string {
  if (!registry) return DOCKER_HUB_REGISTRY;
  const host = registryHostOf(registry);
  return ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host) ? DOCKER_HUB_REGISTRY : host;
}

/**
 * Checks credentials with the engine (`POST /auth`) and, when they are valid, uses them for this
 * process's pulls, pushes and builds from that registry. Bad credentials reject with {@link RegistryAuthError}.
 */
export async function registryLogin(options: RegistryLoginOptions): Promise<void> {
  const { username, password } = options;
  if (typeof username !== 'string' || username === '') throw new InvalidArgumentError('registry username', username, 'expected a non-empty string');
  if (typeof password !== 'string' || password === '') throw new InvalidArgumentError('registry password', '<not shown>', 'expected a non-empty string');
  const registry = normalizeRegistry(options.registry);
  const auth: EngineAuth = { username, password, serveraddress: serverAddressOf(registry) };
  const engine = await getEngine();
  try {
    const result = await checkAuth(engine, auth);
    rememberLogin(registry, result.identityToken ? { identitytoken: result.identityToken, serveraddress: auth.serveraddress } : auth);
  } catch (error) {
    throw new RegistryAuthError(registry, engineMessageOf(error), { cause: error });
  }
}

/**
 * Searches images: Docker Hub through the engine (`GET /images/search`), or a private registry
 * through its catalog API (`GET /v2/_catalog`, names containing `term`; no stars or descriptions there).
 */
export async function searchImages(term: string, options: SearchImagesOptions = {}): Promise<ImageSearchResult[]> {
  const limit = options.limit ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InvalidArgumentError('search limit', limit, 'expected a whole number from 1 to 100');
  const registry = normalizeRegistry(options.registry);
  const auth = await getRegistryAuth(registry);
  if (registry !== DOCKER_HUB_REGISTRY) {
    const needle = term.toLowerCase();
    const names = (await listCatalog(registry, auth)).filter((n) => n.toLowerCase().includes(needle)).sort();
    return names.slice(0, limit).map((n) => ({ name: `${registry}/${n}`, description: '', stars: 0, official: false }));
  }
  const engine = await getEngine();
  try {
    const hits = await searchHub(engine, term, limit, auth);
    return hits.map((h) => ({ name: h.name, description: h.description ?? '', stars: h.star_count ?? 0, official: h.is_official === true }));
  } catch (error) {
    throw toEngineError(`Search Docker Hub for "${term}"`, error);
  }
}

/**
 * Pushes a local image (built, committed or tagged) to its registry with that registry's
 * credentials. Errors inside the engine's push stream reject with {@link ImagePushError}.
 */
export async function pushImage(name: string, options: PushImageOptions = {}): Promise<void> {
  const image = ImageName.fromString(name);
  if (image.digest) throw new InvalidArgumentError('image to push', name, 'push a tag, not a digest');
  const registry = image.effectiveRegistry;
  const [engine, auth] = await Promise.all([getEngine(), getRegistryAuth(registry)]);
  const progress = new TransferProgress(image.string, progressMode(), 'Push');
  let ok = false;
  try {
    await pushImageStream(engine, image.repository, image.tag, {
      auth,
      timeoutMs: options.timeoutMs ?? 600_000,
      signal: options.signal,
      onEvent: (event) => progress.onEvent(event),
    });
    ok = true;
  } catch (error) {
    if (error instanceof TransferError && error.kind === 'aborted') throw new OperationAbortedError(`push ${image.string}`, { cause: error });
    throw new ImagePushError(image.string, registry, error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    progress.finish(ok);
  }
}
