import type { Engine } from '../engine/engine';
import { execInContainer } from '../engine/exec';
import { createLogger } from '../logger';
import { toArgv } from './command-line';
import type { ExecOptions, ExecResult } from './types';
import { validateEnvironment } from './validate';

const log = createLogger('berth:container');

/**
 * Runs a command in a running container. A string command is split with shell-like quoting
 * (`sh -c "echo hi"` → `["sh", "-c", "echo hi"]`), never on every space. A non-zero exit does not throw.
 */
export async function execCommand(
  engine: Engine,
  id: string,
  command: string | readonly string[],
  options: Partial<ExecOptions> = {},
): Promise<ExecResult> {
  const argv = toArgv(command);
  const env = options.env ? Object.entries(validateEnvironment(options.env)).map(([k, v]) => `${k}=${v}`) : undefined;
  log.debug(`Executing ${JSON.stringify(argv)}`, { containerId: id });
  const result = await execInContainer(engine, id, argv, {
    ...(options.workingDir ? { workingDir: options.workingDir } : {}),
    ...(options.user ? { user: options.user } : {}),
    ...(env ? { env } : {}),
  });
  log.debug(`Executed ${JSON.stringify(argv)}: exit code ${result.exitCode}`, { containerId: id });
  return { output: result.output, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}
