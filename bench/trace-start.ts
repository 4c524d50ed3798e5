// Per-request trace of berth's start: every Engine API request one `start()` makes, with the ms
// (from the call to `start()`) at which it was sent and answered. `npx tsx bench/trace-start.ts
// [redis|redis-log|echo|echo-log] [runs]`. Docs: docs/performance.md, "Where the time goes".
import { GenericContainer, Wait } from 'berth';
import type { StartedTestContainer } from 'berth';
import { getEngine } from '../src/engine/engine';
import { BENCH_LABEL } from './contenders';

type Dial = (options: { method: string; path: string }, callback: (error: unknown, data: unknown) => void) => unknown;

const scenarios: Record<string, () => Promise<StartedTestContainer>> = {
  redis: () => new GenericContainer('redis:7').withExposedPorts(6379).withLabels(BENCH_LABEL).start(),
  'redis-log': () =>
    new GenericContainer('redis:7')
      .withExposedPorts(6379)
      .withLabels(BENCH_LABEL)
      .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
      .start(),
  echo: () =>
    new GenericContainer('debian:bookworm').withCommand(['echo', 'hello']).withLabels(BENCH_LABEL).withWaitStrategy(Wait.forOneShotStartup()).start(),
  'echo-log': () =>
    new GenericContainer('debian:bookworm').withCommand(['echo', 'hello']).withLabels(BENCH_LABEL).withWaitStrategy(Wait.forLogMessage('hello')).start(),
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'redis';
  const runs = Number(process.argv[3] ?? '3');
  const start = scenarios[name];
  if (!start) throw new Error(`unknown scenario ${name}; one of ${Object.keys(scenarios).join(', ')}`);
  const modem = (await getEngine()).api.modem as unknown as { dial: Dial };
  const dial = modem.dial.bind(modem);
  let t0 = 0;
  let trace: string[] = [];
  const at = (): string => (performance.now() - t0).toFixed(1).padStart(7);
  modem.dial = (options, callback) => {
    const sent = at();
    const what = `${options.method} ${options.path.replace(/[0-9a-f]{64}/, 'ID').replace(/\?.*/, '')}`;
    return dial(options, (error, data) => {
      trace.push(`${sent} -> ${at()}  ${what}`);
      callback(error, data);
    });
  };
  for (let i = 0; i < runs; i++) {
    trace = [];
    t0 = performance.now();
    const container = await start();
    const ready = at();
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the requests of the wait report
    process.stdout.write(`--- ${name}: ready at ${ready} ms\n${trace.join('\n')}\n`);
    await container.stop({ timeout: 0 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
