// docker commit: install a tool in one container, commit it, run the tool from the new image.
// Run: npx tsx examples/commit-and-run.ts
import { GenericContainer, Wait } from 'berth';

async function main(): Promise<void> {
  // --- commit-and-run ---
  await using builder = await new GenericContainer('debian:bookworm').withCommand(['sleep', 'infinity']).start();
  await builder.exec(['sh', '-c', 'printf "#!/bin/sh\\necho \\"greetings, \\$GREETING\\"\\n" > /usr/local/bin/greet && chmod +x /usr/local/bin/greet']);

  // The image carries the session label (deleteOnExit defaults to true): the session's cleanup removes it.
  const imageId = await builder.commit({ repo: 'berth-example/greeter', tag: 'v1', changes: ['ENV GREETING=berth', 'CMD ["greet"]'] });
  console.log(`committed ${imageId.slice(0, 19)}`);

  await using greeter = await new GenericContainer('berth-example/greeter:v1').withWaitStrategy(Wait.forOneShotStartup()).start();
  for await (const line of await greeter.logs({ follow: false })) process.stdout.write(String(line)); // greetings, berth
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
