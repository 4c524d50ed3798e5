// Shared set-up for the registry tests: the test bed's private registry and temp Docker configs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resetConfig } from '../../../src/config';
import { resetRegistryAuth } from '../../../src/image/registry-auth';

export const REGISTRY = '127.0.0.1:5000';
export const USER = 'berth';
export const PASSWORD = 'berth-secret';

/** Runs the docker CLI (set-up and checks only; berth itself never shells out to it). */
export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Removes image references, ignoring those that do not exist. */
export function removeImages(...refs: string[]): void {
  for (const ref of refs) {
    try {
      docker('rmi', ref);
    } catch {
      // not there
    }
  }
}

export function imageExists(ref: string): boolean {
  try {
    docker('image', 'inspect', ref);
    return true;
  } catch {
    return false;
  }
}

/** Now, as the engine's event filters take it (unix seconds with a fraction). */
export function eventClock(): string {
  return (Date.now() / 1000).toFixed(3);
}

/** Number of `pull` events the engine reported for `ref` since `since` (from {@link eventClock}). */
export function enginePullEvents(ref: string, since: string): number {
  const out = docker('events', '--since', since, '--until', String(Math.ceil(Date.now() / 1000) + 1), '--filter', 'type=image', '--filter', 'event=pull', '--format', '{{.ID}}');
  return out.split('\n').filter((id) => id === ref).length;
}

/** A temp DOCKER_CONFIG folder with `config`, made current for berth (config re-read, auth cache cleared). */
export class TempDockerConfig {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'berth-docker-config-'));
  private readonly saved = { DOCKER_CONFIG: process.env['DOCKER_CONFIG'], DOCKER_AUTH_CONFIG: process.env['DOCKER_AUTH_CONFIG'] };

  constructor(config: object = {}, inline?: object) {
    writeFileSync(path.join(this.dir, 'config.json'), JSON.stringify(config));
    process.env['DOCKER_CONFIG'] = this.dir;
    if (inline) process.env['DOCKER_AUTH_CONFIG'] = JSON.stringify(inline);
    else delete process.env['DOCKER_AUTH_CONFIG'];
    resetConfig();
    resetRegistryAuth();
  }

  [Symbol.dispose](): void {
    for (const [k, v] of Object.entries(this.saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfig();
    resetRegistryAuth();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Docker config `auths` entry for the test registry. */
export function authsFor(password: string, registry = REGISTRY): object {
  return { auths: { [registry]: { auth: Buffer.from(`${USER}:${password}`).toString('base64') } } };
}

/** A random tag, so parallel runs never share references. */
export function uniqueTag(): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
