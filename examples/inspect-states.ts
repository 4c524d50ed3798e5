// docker inspect / pause / unpause / stop / ps -a: a container through its states.
// Run: npx tsx examples/inspect-states.ts
import { GenericContainer, listContainers } from 'berth';

async function main(): Promise<void> {
  // --- inspect-states ---
  const container = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).start();
  const show = async (when: string): Promise<void> => {
    const { state } = await container.inspect();
    console.log(`${when.padEnd(16)} status=${state.status} running=${state.running} exitCode=${state.exitCode}`);
  };
  await show('after start'); // status=running running=true exitCode=0
  await container.pause();
  await show('after pause'); // status=paused
  await container.unpause();
  await show('after unpause');
  await container.stop({ remove: false }); // keep it: `docker ps -a` still lists it
  await show('after stop'); // status=exited exitCode=137
  const row = (await listContainers({ all: true })).find((c) => c.id === container.getId());
  console.log(`ps -a: ${row?.name} ${row?.state} "${row?.status}"`);
  await container.stop({ remove: true }); // now remove it
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
