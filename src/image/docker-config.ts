import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from '../errors';

/** One `auths` entry of a Docker config: `auth` (base64 `user:password`), or the parts. */
export interface DockerConfigAuth {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** The parts of a Docker CLI `config.json` that carry registry credentials. */
export interface DockerConfig {
  auths?: Record<string, DockerConfigAuth>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Parses a Docker config JSON; `source` names it in the error. */
export function parseDockerConfig(text: string, source: string): DockerConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`Docker config (${source})`, '<not shown>', `not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(`Docker config (${source})`, '<not shown>', 'expected a JSON object');
  }
  return value;
}

/** Reads `<dir>/config.json`; a missing file is an empty config. */
export function readDockerConfigFile(dir: string): DockerConfig {
  const file = path.join(dir, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  return parseDockerConfig(text, file);
}

/** The host (and port) of a registry key: `https://index.docker.io/v1/` → `index.docker.io`. */
export function registryHostOf(key: string): string {
  return key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
}

const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Whether a config key (`127.0.0.1:5000`, `https://index.docker.io/v1/`) denotes `registry`. */
export function keyMatchesRegistry(key: string, registry: string): boolean {
  const host = registryHostOf(key);
  const wanted = registry.toLowerCase();
  if (HUB_HOSTS.has(wanted)) return HUB_HOSTS.has(host);
  return host === wanted;
}

/** The first value whose key denotes `registry` (an exact key match wins). */
export function lookupByRegistry<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!map) return undefined;
  if (map[registry] !== undefined) return map[registry];
  const key = Object.keys(map).find((k) => keyMatchesRegistry(k, registry));
  return key === undefined ? undefined : map[key];
}
