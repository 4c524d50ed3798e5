// Which engine berth talks to, and how it found it (docs/engine.md). Run: npx tsx examples/engine-info.ts
// --- engine-info ---
import { getEngineInfo } from 'berth';
// --- end ---

async function main(): Promise<void> {
  // --- engine-info ---
  const engine = await getEngineInfo();
  console.log(engine);
  // { serverVersion: '20.10.24', apiVersion: '1.41', minApiVersion: '1.12', os: 'linux', arch: 'amd64',
  //   isPodman: false, host: 'localhost', endpoint: 'unix:///var/run/docker.sock',
  //   source: 'default socket', isLocal: true }
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
