// A user-defined network: containers reach each other by alias; a partition test (docs/networks.md).
// Run: npx tsx examples/networks.ts
// --- aliases ---
import { GenericContainer, Network } from 'berth';
// --- end ---

async function main(): Promise<void> {
  // --- aliases ---
  await using network = await new Network().start();
  await using server = await new GenericContainer('redis:7')
    .withNetwork(network)
    .withNetworkAliases('cache', 'redis-primary')
    .start();
  await using client = await new GenericContainer('redis:7')
    .withNetwork(network)
    .withCommand(['sleep', 'infinity'])
    .start();
  console.log((await client.exec(['redis-cli', '-h', 'cache', '-p', '6379', 'ping'])).stdout.trim()); // PONG
  // --- end ---

  // --- partition ---
  await server.disconnectFromNetwork(network);
  console.log((await client.exec(['redis-cli', '-h', 'cache', 'ping'])).output.trim()); // Could not connect ...
  await server.connectToNetwork(network, { aliases: ['cache'] });
  console.log((await client.exec(['redis-cli', '-h', 'cache', 'ping'])).stdout.trim()); // PONG
  // --- end ---
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
