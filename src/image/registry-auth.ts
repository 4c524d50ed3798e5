import { getConfig } from '../config';
import type { EngineAuth } from '../engine/registry';
import { createLogger } from '../logger';
import { runCredentialHelper } from './credential-helper';
import { lookupByRegistry, parseDockerConfig, readDockerConfigFile, type DockerConfig, type DockerConfigAuth } from './docker-config';
import { DOCKER_HUB_REGISTRY } from './image-name';

const log = createLogger('berth:pull');

/** The address Docker Hub's credentials are filed under. */
export const DOCKER_HUB_AUTH_ADDRESS = 'https://index.docker.io/v1/';

/** Where credentials come from; injectable for tests. */
export interface AuthSources {
  /** Inline config (`DOCKER_AUTH_CONFIG`), if any. */
  inlineConfig?: string;
  /** Folder holding `config.json` (`DOCKER_CONFIG`). */
  configDir: string;
  /** Runs a credential helper. */
  runHelper?: typeof runCredentialHelper;
}

/** The engine's name for a registry's credentials: Docker Hub uses its v1 index URL. */
export function serverAddressOf(registry: string): string {
  return registry === DOCKER_HUB_REGISTRY ? DOCKER_HUB_AUTH_ADDRESS : registry;
}

const logins = new Map<string, EngineAuth>();
const cache = new Map<string, Promise<EngineAuth | undefined>>();

function fromAuthsEntry(entry: DockerConfigAuth, serveraddress: string): EngineAuth | undefined {
  if (entry.identitytoken) return { identitytoken: entry.identitytoken, serveraddress };
  if (entry.username || entry.password) return { username: entry.username, password: entry.password, serveraddress };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress };
  }
  return undefined;
}

async function fromConfig(config: DockerConfig, registry: string, source: string, sources: AuthSources): Promise<EngineAuth | undefined> {
  const serveraddress = serverAddressOf(registry);
  const run = sources.runHelper ?? runCredentialHelper;
  const helpers: [string, string | undefined][] = [
    ['credHelpers', lookupByRegistry(config.credHelpers, registry)],
    ['credsStore', config.credsStore],
  ];
  for (const [kind, helper] of helpers) {
    if (!helper) continue;
    const found = await run(helper, serveraddress, registry);
    if (found) {
      log.debug(`Credentials for ${registry} from ${source} ${kind} (docker-credential-${helper})`);
      return found.Username === '<token>'
        ? { identitytoken: found.Secret, serveraddress }
        : { username: found.Username, password: found.Secret, serveraddress };
    }
  }
  const entry = lookupByRegistry(config.auths, registry);
  const auth = entry ? fromAuthsEntry(entry, serveraddress) : undefined;
  if (auth) log.debug(`Credentials for ${registry} from ${source} auths`);
  return auth;
}

async function resolve(registry: string, sources: AuthSources): Promise<EngineAuth | undefined> {
  if (sources.inlineConfig) {
    const inline = await fromConfig(parseDockerConfig(sources.inlineConfig, 'DOCKER_AUTH_CONFIG'), registry, 'DOCKER_AUTH_CONFIG', sources);
    if (inline) return inline;
  }
  const file = await fromConfig(readDockerConfigFile(sources.configDir), registry, `${sources.configDir}/config.json`, sources);
  if (!file) log.debug(`No credentials for ${registry}`);
  return file;
}

function defaultSources(): AuthSources {
  const config = getConfig();
  return { inlineConfig: config.dockerAuthConfig, configDir: config.dockerConfigDir };
}

/**
 * The credentials for `registry` (`docker.io` for Docker Hub): those given to `registryLogin`
 * in this process, else `DOCKER_AUTH_CONFIG`, else `$DOCKER_CONFIG/config.json`; in each config
 * `credHelpers` → `credsStore` → `auths`. Cached per registry, including "none".
 */
export function getRegistryAuth(registry: string, sources?: AuthSources): Promise<EngineAuth | undefined> {
  const login = logins.get(registry.toLowerCase());
  if (login) return Promise.resolve(login);
  if (sources) return resolve(registry, sources);
  let cached = cache.get(registry);
  if (!cached) {
    cached = resolve(registry, defaultSources());
    cache.set(registry, cached);
    cached.catch(() => cache.delete(registry));
  }
  return cached;
}

/** Uses `auth` for every later pull, push and build from `registry` in this process. */
export function rememberLogin(registry: string, auth: EngineAuth): void {
  logins.set(registry.toLowerCase(), auth);
}

/** Forgets cached credentials and logins (for tests that change `DOCKER_CONFIG`). */
export function resetRegistryAuth(): void {
  logins.clear();
  cache.clear();
}
