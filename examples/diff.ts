// docker diff: what a container changed in its writable layer. Run: npx tsx examples/diff.ts
import { GenericContainer } from 'berth';

async function main(): Promise<void> {
  // --- diff ---
  await using container = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).start();
  await container.exec(['sh', '-c', 'touch /tmp/new && echo changed > /etc/debian_version && rm /etc/issue']);
  for (const { kind, path } of await container.diff()) console.log(`${kind.padEnd(8)} ${path}`);
  // changed /etc, changed /etc/debian_version, deleted /etc/issue, changed /tmp, added /tmp/new
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
