// Builds test-bed fixture images with berth's own builder instead of `docker build`.
// Usage: npx tsx scripts/build-fixtures.ts <context> -t <tag> [--target <stage>] [--label key=value]... [--network <mode>]
// Exit code 0 when built; 1 with berth's ImageBuildError (failing step, its output, exit code) otherwise.
// Build output goes to stderr (the berth:build log namespace).
import createDebug from 'debug';
import { GenericContainer, isBerthError } from 'berth';

interface Args {
  context: string;
  tag: string;
  target?: string;
  network?: string;
  labels: Record<string, string>;
}

function parseArgs(argv: string[]): Args {
  const labels: Record<string, string> = {};
  let context: string | undefined;
  let tag: string | undefined;
  let target: string | undefined;
  let network: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '-t' || arg === '--tag') tag = value();
    else if (arg === '--target') target = value();
    else if (arg === '--network') network = value();
    else if (arg === '--label') {
      const [k, ...v] = value().split('=');
      labels[k!] = v.join('=');
    } else if (!arg.startsWith('-') && context === undefined) context = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!context || !tag) throw new Error('usage: build-fixtures.ts <context> -t <tag> [--target <stage>] [--label k=v]... [--network <mode>]');
  return { context, tag, target, network, labels };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  createDebug.enable(['berth:build', process.env['DEBUG']].filter(Boolean).join(','));
  const builder = GenericContainer.fromDockerfile(args.context).withLabels(args.labels);
  if (args.target) builder.withTarget(args.target);
  if (args.network) builder.withNetworkMode(args.network);
  // Fixtures are kept across sessions: no session label, nothing for the cleanup to remove.
  await builder.build(args.tag, { deleteOnExit: false });
}

main().catch((error: unknown) => {
  process.stderr.write(`${isBerthError(error) ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
