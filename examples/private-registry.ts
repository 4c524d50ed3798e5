// Log in to a private registry, push a built image, find it with the catalog search, pull it back.
// Needs the test bed's registry: `bash scripts/testbed.sh registry` (127.0.0.1:5000, berth / berth-secret).
// Run: npx tsx examples/private-registry.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GenericContainer, PullPolicy, Wait, pushImage, registryLogin, searchImages } from 'berth';

const REGISTRY = process.env['BERTH_EXAMPLE_REGISTRY'] ?? '127.0.0.1:5000';

async function main(): Promise<void> {
  const context = mkdtempSync(path.join(tmpdir(), 'berth-example-'));
  try {
    writeFileSync(path.join(context, 'Dockerfile'), 'FROM debian:bookworm\nCMD ["echo", "hello from the private registry"]\n');
    // --- private-registry ---
    // Checked by the engine (POST /auth); wrong credentials reject with RegistryAuthError.
    // Valid ones are used for this process's pulls, pushes and builds from that registry.
    await registryLogin({ registry: REGISTRY, username: 'berth', password: 'berth-secret' });

    const image = `${REGISTRY}/berth-example/hello:1`;
    await GenericContainer.fromDockerfile(context).build(image);
    await pushImage(image);

    const hits = await searchImages('berth-example', { registry: REGISTRY });
    console.log('catalog:', hits.map((hit) => hit.name).join(', '));

    // alwaysPull: fetch it from the registry again, with the credentials from registryLogin.
    await using hello = await new GenericContainer(image)
      .withPullPolicy(PullPolicy.alwaysPull())
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    for await (const line of await hello.logs({ follow: false })) process.stdout.write(String(line));
    // --- end ---
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
