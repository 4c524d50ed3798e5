import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BerthConfig } from '../config';
import type { EngineAttempt } from '../errors';
import type { EngineEndpoint } from './endpoint';

interface ContextMeta {
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** The folder id the Docker CLI gives a context: the hex sha256 of its name. */
export function contextId(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/**
 * The context named by the Docker CLI config (`currentContext` in `$DOCKER_CONFIG/config.json`),
 * or undefined when there is none, it is `default`, or the file cannot be read.
 */
export function currentContextName(config: BerthConfig): string | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(config.dockerConfigDir, 'config.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const name = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return typeof name === 'string' && name.trim() !== '' && name !== 'default' ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a Docker CLI context: `contexts/meta/<sha256(name)>/meta.json` for the engine URL and
 * `contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem` for TLS. Returns the endpoint, or the
 * failed attempt when the context is missing or has no Docker endpoint.
 */
export function readContext(config: BerthConfig, name: string, source: string): EngineEndpoint | EngineAttempt {
  const id = contextId(name);
  const metaFile = path.join(config.dockerConfigDir, 'contexts', 'meta', id, 'meta.json');
  let meta: ContextMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ContextMeta;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === 'ENOENT' ? `no such context (${metaFile} does not exist)` : `cannot read ${metaFile}: ${e.message}`;
    return { source, address: `context "${name}"`, reason };
  }
  const docker = meta.Endpoints?.docker;
  const host = docker?.Host;
  if (typeof host !== 'string' || host === '') {
    return { source, address: `context "${name}"`, reason: `${metaFile} has no Endpoints.docker.Host` };
  }
  const endpoint: EngineEndpoint = { source, url: host, explicit: true };
  const tlsDir = path.join(config.dockerConfigDir, 'contexts', 'tls', id, 'docker');
  const hasTlsFiles = ['ca.pem', 'cert.pem', 'key.pem'].some((f) => existsSync(path.join(tlsDir, f)));
  if (/^(tcp|https):/.test(host) && (hasTlsFiles || docker?.SkipTLSVerify === true)) {
    endpoint.tls = { certPath: tlsDir, skipVerify: docker?.SkipTLSVerify === true };
  }
  return endpoint;
}
