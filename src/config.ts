import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { InvalidArgumentError } from './errors';

/**
 * Every setting berth reads, in one place. Only this file reads `process.env` and
 * `~/.testcontainers.properties`. Each setting is listed in `docs/configuration.md`.
 */
export interface BerthConfig {
  /** Engine URL (`unix://`, `tcp://`, `ssh://`, `npipe://`). Env `DOCKER_HOST`. */
  dockerHost?: string;
  /** TLS with client certificates for `DOCKER_HOST`. Env `DOCKER_TLS_VERIFY=1`. */
  dockerTlsVerify: boolean;
  /** Folder with `ca.pem`, `cert.pem`, `key.pem`. Env `DOCKER_CERT_PATH`, default `~/.docker`. */
  dockerCertPath: string;
  /** Engine URL from `~/.testcontainers.properties` `docker.host`. */
  propertiesDockerHost?: string;
  /** `docker.tls.verify` from `~/.testcontainers.properties` (`1` or `true`). */
  propertiesTlsVerify: boolean;
  /** `docker.cert.path` from `~/.testcontainers.properties` (default `~/.docker` when `docker.tls.verify` is on). */
  propertiesCertPath?: string;
  /** ssh-agent socket for `ssh://` engines. Env `SSH_AUTH_SOCK`. */
  sshAuthSock?: string;
  /** Docker CLI context to use. Env `DOCKER_CONTEXT` (else `currentContext` in the Docker config). */
  dockerContext?: string;
  /** Docker CLI config folder. Env `DOCKER_CONFIG`, default `~/.docker`. */
  dockerConfigDir: string;
  /** Inline Docker config JSON for registry auth. Env `DOCKER_AUTH_CONFIG`. */
  dockerAuthConfig?: string;
  /** Folders searched for `docker-credential-<name>` helpers. Env `PATH`. */
  searchPath: string;
  /** Host name used to reach published ports. Env `TESTCONTAINERS_HOST_OVERRIDE`. */
  hostOverride?: string;
  /** `XDG_RUNTIME_DIR`, for the rootless socket. */
  xdgRuntimeDir?: string;
  /** The user id, for `/run/user/<uid>/docker.sock`. */
  uid?: number;
  /** The user's home folder. */
  homeDir: string;
  /** Prefix for images without a registry. Env `TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX`. */
  hubImageNamePrefix?: string;
  /** Turns cleanup-on-crash off. Env `TESTCONTAINERS_RYUK_DISABLED=true`. */
  ryukDisabled: boolean;
  /** Use this Ryuk image for cleanup-on-crash instead of berth's watchdog. Env `RYUK_CONTAINER_IMAGE`. */
  ryukContainerImage?: string;
  /** `withReuse()` takes effect unless this is false. Env `TESTCONTAINERS_REUSE_ENABLE`. */
  reuseEnabled: boolean;
  /** Default startup timeout in ms. Env `BERTH_STARTUP_TIMEOUT_MS`, default 60000. */
  startupTimeoutMs: number;
  /**
   * Deadline for finding an engine, in ms: every candidate's connect, TLS/SSH handshake and `/version`
   * answer must fit in it. Env `BERTH_ENGINE_TIMEOUT_MS`, default 4000 (so discovery fails within 5 s).
   */
  engineTimeoutMs: number;
  /** Print a report of leaked resources at exit. Env `BERTH_LEAK_REPORT` (`false` turns it off). */
  leakReport: boolean;
  /**
   * Age after which resources of a session owned on ANOTHER machine count as stale and are removed at
   * startup (sessions on this machine are judged exactly by their owner process). Env
   * `BERTH_STALE_SESSION_TTL_MS`, default 86400000 (24 h).
   */
  staleSessionTtlMs: number;
  /** Whether this runs in CI (`CI=true`): progress is printed as one line per pull. */
  ci: boolean;
  /** Whether a live progress display may be drawn (stderr is a TTY and not CI). */
  interactive: boolean;
}

/** The properties file's keys berth reads, as a flat map. */
export type Properties = Readonly<Record<string, string>>;

/** Parses a Java-style `.properties` file (`key=value` or `key: value`, `#`/`!` comments). */
export function parseProperties(text: string): Properties {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) out[m[1]] = (m[2] ?? '').trim();
  }
  return out;
}

function readPropertiesFile(home: string): Properties {
  try {
    return parseProperties(readFileSync(path.join(home, '.testcontainers.properties'), 'utf8'));
  } catch {
    return {};
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Docker's reading of a boolean variable: set and not `0`/`false` means on (`DOCKER_TLS_VERIFY=1`). */
function flag(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new InvalidArgumentError(name, value, 'expected a positive whole number of milliseconds');
  }
  return n;
}

/** Reads the configuration from an environment and a properties map. Pure: unit tests call it directly. */
export function readConfig(
  env: NodeJS.ProcessEnv,
  properties: Properties,
  home: string = homedir(),
  stderrIsTty = false,
): BerthConfig {
  const ci = env['CI'] === 'true' || env['CI'] === '1';
  return {
    dockerHost: nonEmpty(env['DOCKER_HOST']),
    dockerTlsVerify: flag(env['DOCKER_TLS_VERIFY']),
    dockerCertPath: nonEmpty(env['DOCKER_CERT_PATH']) ?? path.join(home, '.docker'),
    propertiesDockerHost: nonEmpty(properties['docker.host']),
    propertiesTlsVerify: flag(properties['docker.tls.verify']),
    propertiesCertPath: nonEmpty(properties['docker.cert.path']),
    sshAuthSock: nonEmpty(env['SSH_AUTH_SOCK']),
    dockerContext: nonEmpty(env['DOCKER_CONTEXT']),
    dockerConfigDir: nonEmpty(env['DOCKER_CONFIG']) ?? path.join(home, '.docker'),
    dockerAuthConfig: nonEmpty(env['DOCKER_AUTH_CONFIG']),
    searchPath: env['PATH'] ?? '',
    hostOverride: nonEmpty(env['TESTCONTAINERS_HOST_OVERRIDE']),
    xdgRuntimeDir: nonEmpty(env['XDG_RUNTIME_DIR']),
    homeDir: home,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    hubImageNamePrefix: nonEmpty(env['TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX']),
    ryukDisabled: env['TESTCONTAINERS_RYUK_DISABLED'] === 'true',
    ryukContainerImage: nonEmpty(env['RYUK_CONTAINER_IMAGE']),
    reuseEnabled: env['TESTCONTAINERS_REUSE_ENABLE'] !== 'false',
    startupTimeoutMs: positiveInt(env['BERTH_STARTUP_TIMEOUT_MS'], 60_000, 'BERTH_STARTUP_TIMEOUT_MS'),
    engineTimeoutMs: positiveInt(env['BERTH_ENGINE_TIMEOUT_MS'], 4_000, 'BERTH_ENGINE_TIMEOUT_MS'),
    leakReport: env['BERTH_LEAK_REPORT'] !== 'false',
    staleSessionTtlMs: positiveInt(env['BERTH_STALE_SESSION_TTL_MS'], 86_400_000, 'BERTH_STALE_SESSION_TTL_MS'),
    ci,
    interactive: stderrIsTty && !ci,
  };
}

let cached: BerthConfig | undefined;

/** The process's configuration, read once on first use. */
export function getConfig(): BerthConfig {
  if (!cached) {
    const home = homedir();
    cached = Object.freeze(readConfig(process.env, readPropertiesFile(home), home, process.stderr.isTTY === true));
  }
  return cached;
}

/** Forgets the cached configuration so the next {@link getConfig} reads it again (for tests). */
export function resetConfig(): void {
  cached = undefined;
}
