import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BerthConfig } from '../config';
import type { EngineAttempt } from '../errors';
import { currentContextName, readContext } from './context';
import type { EngineEndpoint } from './endpoint';

/** The outcome of looking for engine addresses: candidates to probe in order, and places that failed already. */
export interface DiscoveryResult {
  /** Addresses to probe, in discovery order; the first that answers wins. */
  candidates: EngineEndpoint[];
  /** Places that were looked at and could not give an address (missing socket, missing context). */
  skipped: EngineAttempt[];
}

/** Socket paths probed when nothing was configured, in order (duplicates removed). */
export function socketCandidates(config: BerthConfig): Array<{ source: string; socket: string }> {
  const list: Array<{ source: string; socket: string }> = [{ source: 'default socket', socket: '/var/run/docker.sock' }];
  if (config.xdgRuntimeDir) {
    list.push({ source: 'rootless socket ($XDG_RUNTIME_DIR)', socket: path.join(config.xdgRuntimeDir, 'docker.sock') });
  }
  list.push({ source: 'rootless socket (~/.docker/run)', socket: path.join(config.homeDir, '.docker', 'run', 'docker.sock') });
  list.push({ source: 'Docker Desktop socket', socket: path.join(config.homeDir, '.docker', 'desktop', 'docker.sock') });
  if (config.uid !== undefined) list.push({ source: 'rootless socket (/run/user)', socket: `/run/user/${config.uid}/docker.sock` });
  if (config.xdgRuntimeDir) {
    list.push({ source: 'Podman socket ($XDG_RUNTIME_DIR)', socket: path.join(config.xdgRuntimeDir, 'podman', 'podman.sock') });
  }
  list.push({ source: 'Podman socket', socket: '/run/podman/podman.sock' });
  return list.filter((c, i) => list.findIndex((o) => o.socket === c.socket) === i);
}

/** `host:port` without a scheme means TCP, as for the Docker CLI. */
function normalizeUrl(url: string): string {
  return url.includes('://') ? url : `tcp://${url}`;
}

/** Adds the SSH credentials berth may use to an `ssh://` endpoint. */
function withSsh(config: BerthConfig, endpoint: EngineEndpoint): EngineEndpoint {
  if (!endpoint.url.startsWith('ssh://')) return endpoint;
  const agent = config.sshAuthSock ? { agentSocket: config.sshAuthSock } : {};
  return { ...endpoint, ssh: { ...agent, keyDir: path.join(config.homeDir, '.ssh') } };
}

function configured(config: BerthConfig, endpoint: EngineEndpoint): DiscoveryResult {
  return { candidates: [withSsh(config, endpoint)], skipped: [] };
}

/**
 * Finds where the engine may be, in the documented order:
 * 1. `DOCKER_HOST` (with `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`);
 * 2. the Docker context: `DOCKER_CONTEXT`, else `currentContext` in `$DOCKER_CONFIG/config.json` (not `default`);
 * 3. `docker.host` in `~/.testcontainers.properties` (with `docker.tls.verify`/`docker.cert.path`);
 * 4. `/var/run/docker.sock`, then the rootless, Docker Desktop and Podman sockets that exist.
 * The first configured source (1-3) is the only candidate: berth never falls back from a configured engine to another.
 */
export function discoverEndpoints(config: BerthConfig, fileExists: (p: string) => boolean = existsSync): DiscoveryResult {
  if (config.dockerHost) {
    const tls = config.dockerTlsVerify ? { tls: { certPath: config.dockerCertPath } } : {};
    return configured(config, { source: 'DOCKER_HOST', url: normalizeUrl(config.dockerHost), explicit: true, ...tls });
  }
  const contextName = config.dockerContext ?? currentContextName(config);
  if (contextName && contextName !== 'default') {
    const source = config.dockerContext ? 'DOCKER_CONTEXT' : `currentContext in ${path.join(config.dockerConfigDir, 'config.json')}`;
    const found = readContext(config, contextName, source);
    if ('reason' in found) return { candidates: [], skipped: [found] };
    return configured(config, found);
  }
  if (config.propertiesDockerHost) {
    const certPath = config.propertiesCertPath ?? path.join(config.homeDir, '.docker');
    const tls = config.propertiesTlsVerify ? { tls: { certPath } } : {};
    const source = 'docker.host in ~/.testcontainers.properties';
    return configured(config, { source, url: normalizeUrl(config.propertiesDockerHost), explicit: true, ...tls });
  }
  const candidates: EngineEndpoint[] = [];
  const skipped: EngineAttempt[] = [];
  for (const { source, socket } of socketCandidates(config)) {
    if (fileExists(socket)) candidates.push({ source, url: `unix://${socket}`, explicit: false });
    else skipped.push({ source, address: `unix://${socket}`, reason: 'no such socket' });
  }
  return { candidates, skipped };
}
