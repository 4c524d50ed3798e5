import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { getConfig } from '../config';
import { RegistryAuthError } from '../errors';

/** What a `docker-credential-<name> get` printed. */
export interface HelperCredentials {
  ServerURL?: string;
  Username?: string;
  Secret?: string;
}

const HELPER_TIMEOUT_MS = 15_000;

/** The helper's absolute path, searched in the configured `PATH`; the bare name when not found there. */
export function findExecutable(program: string, searchPath: string = getConfig().searchPath): string {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return program;
}

/**
 * Runs `docker-credential-<helper> get` with the server URL on stdin. Resolves `undefined` when
 * the helper has no credentials for it ("credentials not found"); rejects with
 * {@link RegistryAuthError} when the helper is missing, fails or hangs. The secret is never logged.
 */
export function runCredentialHelper(helper: string, serverUrl: string, registry: string): Promise<HelperCredentials | undefined> {
  const program = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    // Our own timer rather than spawn's `timeout` option: Node leaves that one running for the whole
    // timeout when the program does not exist (ENOENT), which keeps the process (or a Jest worker) alive.
    const child = spawn(findExecutable(program), ['get'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGTERM'), HELPER_TIMEOUT_MS);
    const done = (): void => clearTimeout(timer);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      const detail = error.code === 'ENOENT' ? `${program} is not installed or not on PATH` : `${program}: ${error.message}`;
      reject(new RegistryAuthError(registry, detail, { cause: error }));
    });
    child.on('close', (code, signal) => {
      done();
      const output = `${stdout}\n${stderr}`;
      if (code !== 0) {
        if (/credentials not found|no credentials|not found in native keychain/i.test(output)) return resolve(undefined);
        const why = signal ? `killed by ${signal} (timeout ${HELPER_TIMEOUT_MS} ms?)` : `exit code ${code}`;
        return reject(new RegistryAuthError(registry, `${program} get failed (${why}): ${stderr.trim().slice(0, 300)}`));
      }
      try {
        const parsed = JSON.parse(stdout) as HelperCredentials;
        resolve(parsed.Secret || parsed.Username ? parsed : undefined);
      } catch {
        reject(new RegistryAuthError(registry, `${program} get printed something that is not JSON`));
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}
