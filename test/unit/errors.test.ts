import {
  BerthError,
  EngineRequestError,
  EngineUnavailableError,
  InvalidArgumentError,
  isBerthError,
  type EngineAttempt,
} from '../../src/errors';
import { readConfig } from '../../src/config';
import { connectEngine } from '../../src/engine/engine';

describe('EngineUnavailableError', () => {
  const refused: EngineAttempt = { source: 'DOCKER_HOST', address: 'tcp://127.0.0.1:1', reason: 'connection refused: connect ECONNREFUSED 127.0.0.1:1' };

  it('names the one address tried, where it came from and why it failed', () => {
    const error = new EngineUnavailableError([refused]);
    expect(error.message.split('\n')[0]).toBe(
      'Docker engine unavailable: tcp://127.0.0.1:1 (DOCKER_HOST: connection refused: connect ECONNREFUSED 127.0.0.1:1)',
    );
    expect(error.attempts).toEqual([refused]);
    expect(error.name).toBe('EngineUnavailableError');
    expect(error).toBeInstanceOf(BerthError);
    expect(isBerthError(error)).toBe(true);
  });

  it('lists every place tried, one line each, in order', () => {
    const attempts: EngineAttempt[] = [
      { source: 'default socket', address: 'unix:///var/run/docker.sock', reason: 'permission denied: connect EACCES' },
      { source: 'rootless socket ($XDG_RUNTIME_DIR)', address: 'unix:///run/user/1000/docker.sock', reason: 'no such socket' },
      { source: 'Podman socket', address: 'unix:///run/podman/podman.sock', reason: 'no such socket' },
    ];
    const lines = new EngineUnavailableError(attempts).message.split('\n');
    expect(lines[0]).toBe('Docker engine unavailable: none of 3 places answered');
    expect(lines.slice(1, 4)).toEqual([
      '  - default socket: unix:///var/run/docker.sock (permission denied: connect EACCES)',
      '  - rootless socket ($XDG_RUNTIME_DIR): unix:///run/user/1000/docker.sock (no such socket)',
      '  - Podman socket: unix:///run/podman/podman.sock (no such socket)',
    ]);
    expect(lines[4]).toMatch(/^Start a Docker engine, or point DOCKER_HOST/);
  });

  it('says so when there was nowhere to look', () => {
    expect(new EngineUnavailableError([]).message).toMatch(/^Docker engine unavailable: no place to look/);
  });

  it('keeps the cause', () => {
    const cause = new Error('boom');
    expect(new EngineUnavailableError([refused], { cause }).cause).toBe(cause);
  });

  it('is what connectEngine throws for a missing context, without trying anything else', async () => {
    const config = readConfig({ DOCKER_CONTEXT: 'no-such-context', DOCKER_CONFIG: '/nonexistent' }, {}, '/nonexistent');
    const error = (await connectEngine(config).catch((e: unknown) => e)) as EngineUnavailableError;
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect(error.attempts).toHaveLength(1);
    expect(error.message).toContain('context "no-such-context" (DOCKER_CONTEXT: no such context');
  });

  it('is what connectEngine throws for an unusable DOCKER_HOST, naming it', async () => {
    const config = readConfig({ DOCKER_HOST: 'ftp://engine:21' }, {}, '/nonexistent');
    await expect(connectEngine(config)).rejects.toThrow(
      'Docker engine unavailable: ftp://engine:21 (DOCKER_HOST: unsupported engine URL scheme "ftp:"',
    );
  });
});

describe('other errors', () => {
  it('EngineRequestError: operation, engine message, status', () => {
    const error = new EngineRequestError('create container', 409, 'Conflict. The name "/x" is already in use');
    expect(error.message).toBe('create container failed: Conflict. The name "/x" is already in use (HTTP 409)');
    expect(error).toMatchObject({ operation: 'create container', statusCode: 409 });
  });

  it('InvalidArgumentError: subject, value, hint', () => {
    const error = new InvalidArgumentError('port', -1, 'expected 1-65535');
    expect(error.message).toBe('Invalid port: -1 (expected 1-65535)');
    expect(error).toMatchObject({ subject: 'port', value: -1, hint: 'expected 1-65535' });
  });
});

describe('docs/errors.md', () => {
  it('has a row for every error class berth exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const doc = readFileSync(require.resolve('../../docs/errors.md'), 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const errors = require('../../src/errors') as Record<string, unknown>;
    const classes = Object.entries(errors)
      .filter(([, value]) => typeof value === 'function' && (value === BerthError || (value as { prototype: unknown }).prototype instanceof BerthError))
      .map(([name]) => name);
    expect(classes.length).toBeGreaterThan(10);
    expect(classes.filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
