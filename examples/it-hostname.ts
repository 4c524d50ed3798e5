// docker run -it -h: a TTY with open stdin and a host name. Run: npx tsx examples/it-hostname.ts
import { GenericContainer } from 'berth';

async function main(): Promise<void> {
  // --- it-hostname ---
  // `docker run -dit -h berth-box debian:bookworm`: bash waits on the open stdin, so the container keeps running.
  await using box = await new GenericContainer('debian:bookworm').withTty().withOpenStdin().withHostname('berth-box').start();
  const { stdout } = await box.exec('hostname');
  console.log(`hostname inside: ${stdout.trim()} (getHostname(): ${box.getHostname()})`); // berth-box
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
