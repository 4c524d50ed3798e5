// docker logs: whole lines, stdout/stderr selection, tail, follow. Run: npx tsx examples/logs.ts
import { GenericContainer, Wait } from 'berth';

async function main(): Promise<void> {
  // --- logs ---
  await using container = await new GenericContainer('debian:bookworm')
    .withCommand(['sh', '-c', 'printf "partial "; echo "to stderr" >&2; echo "line"; echo ready; sleep 1; echo later; sleep infinity'])
    .withWaitStrategy(Wait.forLogMessage('ready'))
    .start();

  // The stream yields whole lines, each ending in "\n" (several may arrive in one chunk).
  const print = async (label: string, stream: NodeJS.ReadableStream): Promise<void> => {
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    for (const line of text.split('\n').filter(Boolean)) console.log(`${label.padEnd(8)} ${line}`);
  };
  // Everything so far, then the stream ends. A stdout line is never merged with stderr output.
  await print('all', await container.logs({ follow: false }));
  // Only stderr; only the last line.
  await print('stderr', await container.logs({ follow: false, stdout: false }));
  await print('tail 1', await container.logs({ follow: false, tail: 1 }));

  // Follow (the default) until a line arrives; leaving the loop closes the stream.
  for await (const chunk of await container.logs({ since: Date.now() / 1000 - 60 })) {
    if (String(chunk).includes('later')) {
      process.stdout.write(`follow   ${String(chunk)}`);
      break;
    }
  }
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
