import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from '../errors';
import type { ContainerSpec } from './container-spec';
import { parsePort } from './ports';
import type { BindMode, Environment, RestartPolicyName, VolumeMode } from './types';

const BIND_MODES: readonly string[] = ['rw', 'ro', 'z', 'Z'];
const VOLUME_MODES: readonly string[] = ['rw', 'ro'];
const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Rejects a path inside the container that is not absolute (POSIX). */
export function validateContainerPath(subject: string, value: unknown): string {
  if (typeof value !== 'string' || !path.posix.isAbsolute(value)) {
    throw new InvalidArgumentError(subject, value, 'expected an absolute path inside the container, e.g. "/data"');
  }
  return value;
}

/** Rejects a bind mount mode other than `rw`, `ro`, `z` or `Z`. */
export function validateBindMode(value: unknown): BindMode {
  if (typeof value !== 'string' || !BIND_MODES.includes(value)) {
    throw new InvalidArgumentError('bind mount mode', value, 'expected "rw", "ro", "z" or "Z"');
  }
  return value as BindMode;
}

/** Rejects a volume mode other than `rw` / `ro`. */
export function validateVolumeMode(value: unknown): VolumeMode {
  if (typeof value !== 'string' || !VOLUME_MODES.includes(value)) {
    throw new InvalidArgumentError('volume mode', value, 'expected "rw" or "ro"');
  }
  return value as VolumeMode;
}

/** Rejects a link or network alias that is not a valid host name. */
export function validateAlias(subject: string, value: unknown): string {
  if (typeof value !== 'string' || !ALIAS.test(value)) {
    throw new InvalidArgumentError(subject, value, 'expected letters, digits, "_", "." or "-", starting with a letter or digit');
  }
  return value;
}

/** Rejects an invalid container name (or a reference to a container by name or id). */
export function validateContainerName(value: unknown, subject = 'container name'): string {
  if (typeof value !== 'string' || !CONTAINER_NAME.test(value)) {
    throw new InvalidArgumentError(subject, value, 'expected [a-zA-Z0-9][a-zA-Z0-9_.-]*');
  }
  return value;
}

/** Rejects an invalid host name. */
export function validateHostname(value: unknown): string {
  if (typeof value !== 'string' || !HOSTNAME.test(value) || value.length > 253) {
    throw new InvalidArgumentError('hostname', value, 'expected an RFC 1123 host name');
  }
  return value;
}

/** Rejects environment keys that are empty or contain `=` or NUL, and values that are not strings. */
export function validateEnvironment(environment: Environment): Environment {
  for (const [key, value] of Object.entries(environment ?? {})) {
    if (!key || key.includes('=') || key.includes('\0')) {
      throw new InvalidArgumentError('environment variable name', key, 'must be non-empty without "=" or NUL');
    }
    if (typeof value !== 'string') {
      throw new InvalidArgumentError(`environment variable ${key}`, value, 'values must be strings');
    }
  }
  return environment;
}

/** Rejects a value that is not a finite number >= 0 (milliseconds, bytes, GiB, cores, retries). */
export function validateNonNegative(subject: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(subject, value, 'expected a non-negative number');
  }
  return value;
}

/** Rejects an unknown restart policy, and a retry count for any policy but `on-failure`. */
export function validateRestartPolicy(
  name: RestartPolicyName,
  maxRetries: number | undefined,
): { name: RestartPolicyName; maximumRetryCount?: number } {
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(name)) {
    throw new InvalidArgumentError('restart policy', name, 'expected "no", "always", "unless-stopped" or "on-failure"');
  }
  if (maxRetries === undefined) return { name };
  if (name !== 'on-failure') throw new InvalidArgumentError('restart policy retries', maxRetries, 'only "on-failure" takes a retry count');
  return { name, maximumRetryCount: validateNonNegative('restart retries', maxRetries) };
}

/** Checks the whole spec before anything is created (rules that involve several fields). */
export function validateSpec(spec: ContainerSpec): void {
  for (const port of spec.exposedPorts) parsePort(port);
  for (const mount of spec.bindMounts) {
    if (typeof mount.source !== 'string' || mount.source === '') {
      throw new InvalidArgumentError('bind mount source', mount, 'expected a host path');
    }
    validateContainerPath('bind mount target', mount.target);
    validateBindMode(mount.mode ?? 'rw');
  }
  for (const mount of spec.volumeMounts) validateContainerPath('volume target', mount.target);
  if (spec.networkAliases.length && (!spec.networkMode || ['bridge', 'host', 'none', 'default'].includes(spec.networkMode))) {
    throw new InvalidArgumentError(
      'network aliases',
      spec.networkAliases,
      'aliases need a user-defined network: call withNetwork(network) or withNetworkMode("<network name>")',
    );
  }
  validateEnvironment(spec.environment);
  for (const item of [...spec.filesToCopy, ...spec.directoriesToCopy, ...spec.contentsToCopy, ...spec.archivesToCopy]) {
    validateContainerPath('copy target', item.target);
  }
  for (const file of spec.filesToCopy) {
    if (!existsSync(file.source)) throw new InvalidArgumentError('file to copy', file.source, 'no such file on this machine');
  }
  for (const dir of spec.directoriesToCopy) {
    if (!existsSync(dir.source)) throw new InvalidArgumentError('directory to copy', dir.source, 'no such directory on this machine');
  }
}
