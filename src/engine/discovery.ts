import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BerthConfig } from '../config';
import type { EngineAttempt } from '../errors';
import type { EngineEndpoint } from './endpoint';

/** The outcome of looking for engine addresses: candidates to probe in order, and places that failed already. */
export interface DiscoveryResult {
  candidates: EngineEndpoint[];
  skipped: EngineAttempt[];
}

interface ContextMeta {
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

function contextEndpoint(config: BerthConfig, name: string, source: string): EngineEndpoint | EngineAttempt {
  const id = createHash('sha256').update(name).digest('hex');
  const metaFile = path.join(config.dockerConfigDir, 'contexts', 'meta', id, 'meta.json');
  let meta: ContextMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ContextMeta;
  } catch (error) {
    return { source, address: metaFile, reason: `cannot read context metadata: ${(error as Error).message}` };
  }
  const host = meta.Endpoints?.docker?.Host;
  if (!host) return { source, address: metaFile, reason: 'context has no docker endpoint Host' };
  const tlsDir = path.join(config.dockerConfigDir, 'contexts', 'tls', id, 'docker');
  const tls = existsSync(path.join(tlsDir, 'ca.pem')) ? { certPath: tlsDir } : undefined;
  return { source, url: host, explicit: true, ...(tls ? { tls } : {}) };
}

function currentContextName(config: BerthConfig): string | undefined {
  try {
    const cli = JSON.parse(readFileSync(path.join(config.dockerConfigDir, 'config.json'), 'utf8')) as {
      currentContext?: string;
    };
    return cli.currentContext && cli.currentContext !== 'default' ? cli.currentContext : undefined;
  } catch {
    return undefined;
  }
}

function isEndpoint(x: EngineEndpoint | EngineAttempt): x is EngineEndpoint {
  return 'url' in x;
}

/** Socket paths probed when nothing was configured, in order. */
export function socketCandidates(config: BerthConfig): Array<{ source: string; socket: string }> {
  const list: Array<{ source: string; socket: string }> = [
    { source: 'default socket', socket: '/var/run/docker.sock' },
  ];
  if (config.xdgRuntimeDir) list.push({ source: 'rootless socket ($XDG_RUNTIME_DIR)', socket: path.join(config.xdgRuntimeDir, 'docker.sock') });
  list.push({ source: 'rootless socket', socket: path.join(config.homeDir, '.docker', 'run', 'docker.sock') });
  list.push({ source: 'Docker Desktop socket', socket: path.join(config.homeDir, '.docker', 'desktop', 'docker.sock') });
  if (config.uid !== undefined) list.push({ source: 'rootless socket', socket: `/run/user/${config.uid}/docker.sock` });
  if (config.xdgRuntimeDir) list.push({ source: 'Podman socket ($XDG_RUNTIME_DIR)', socket: path.join(config.xdgRuntimeDir, 'podman', 'podman.sock') });
  list.push({ source: 'Podman socket', socket: '/run/podman/podman.sock' });
  return list.filter((c, i) => list.findIndex((o) => o.socket === c.socket) === i);
}

/**
 * Finds where the engine may be, in the documented order:
 * `DOCKER_HOST`, the Docker context (`DOCKER_CONTEXT`, else `currentContext` in the CLI config),
 * `~/.testcontainers.properties` `docker.host`, `/var/run/docker.sock`, then the rootless and Podman sockets.
 * The first configured source is authoritative: berth never silently falls back from a configured engine.
 */
export function discoverEndpoints(config: BerthConfig, fileExists: (p: string) => boolean = existsSync): DiscoveryResult {
  if (config.dockerHost) {
    return {
      candidates: [
        {
          source: 'DOCKER_HOST',
          url: config.dockerHost,
          explicit: true,
          ...(config.dockerTlsVerify ? { tls: { certPath: config.dockerCertPath } } : {}),
        },
      ],
      skipped: [],
    };
  }
  const contextName = config.dockerContext ?? currentContextName(config);
  if (contextName && contextName !== 'default') {
    const source = config.dockerContext ? `DOCKER_CONTEXT "${contextName}"` : `current docker context "${contextName}"`;
    const found = contextEndpoint(config, contextName, source);
    return isEndpoint(found) ? { candidates: [found], skipped: [] } : { candidates: [], skipped: [found] };
  }
  if (config.propertiesDockerHost) {
    const tlsDir = config.propertiesCertPath;
    return {
      candidates: [
        {
          source: '~/.testcontainers.properties docker.host',
          url: config.propertiesDockerHost,
          explicit: true,
          ...(config.propertiesTlsVerify && tlsDir ? { tls: { certPath: tlsDir } } : {}),
        },
      ],
      skipped: [],
    };
  }
  const candidates: EngineEndpoint[] = [];
  const skipped: EngineAttempt[] = [];
  for (const { source, socket } of socketCandidates(config)) {
    if (fileExists(socket)) candidates.push({ source, url: `unix://${socket}`, explicit: false });
    else skipped.push({ source, address: `unix://${socket}`, reason: 'no such socket' });
  }
  return { candidates, skipped };
}
