// Startup benchmark (issue 4, "Speed"): time to ready, measured interleaved side by side on the
// same engine for (a) the floor — the raw Engine API through dockerode, (b) berth with its
// default wait, (c) berth with a log wait, (d) testcontainers-node with its default wait.
// Run with `npm run bench`. BENCH_ROUNDS (default 10) sets the rounds of the single-container
// scenarios; the 10-at-once scenario runs a third as many. BENCH_PEER=0 skips testcontainers.
import { getEngine } from '../src/engine/engine';
import { BENCH_LABEL, berthEcho, berthRedis, floorEcho, floorRedis, waits } from './contenders';
import { startPeer } from './peer';
import type { Peer } from './peer';
import { table } from './stats';
import type { Row } from './stats';

interface Contender {
  name: string;
  run: () => Promise<number>;
}

/** Runs each contender once per round, rotating the order, after one unmeasured warm-up round. */
async function measure(title: string, contenders: Contender[], rounds: number): Promise<Row[]> {
  const rows: Row[] = contenders.map((c) => ({ contender: c.name, samples: [], errors: 0 }));
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length;
      const contender = contenders[index] as Contender;
      const row = rows[index] as Row;
      try {
        const ms = await contender.run();
        if (round > 0) row.samples.push(ms);
      } catch (error) {
        row.errors += 1;
        process.stderr.write(`${title} / ${contender.name}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    if (round === 0 && rows.every((row) => row.errors > 0)) {
      throw new Error(`${title}: every contender failed in the warm-up round; is the engine healthy?`);
    }
    process.stderr.write(`${title}: round ${round}/${rounds} done\n`);
  }
  return rows;
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? '10');
  const engine = await getEngine();
  const docker = engine.api;
  let peer: Peer | undefined;
  if (process.env.BENCH_PEER !== '0') {
    try {
      peer = await startPeer();
    } catch (error) {
      process.stderr.write(`testcontainers-node is not available, skipping it: ${String(error)}\n`);
    }
  }
  const withPeer = (list: Contender[], scenario: 'redis' | 'redis10' | 'echo'): Contender[] =>
    peer ? [...list, { name: '(d) testcontainers-node, default wait', run: () => (peer).run(scenario) }] : list;
  const started = Date.now();
  const out: string[] = [
    `# berth startup benchmark`,
    '',
    `Engine ${engine.info.serverVersion} (API ${engine.info.apiVersion}), berth on Node ${process.version}` +
      `${peer ? `, peer: ${peer.label}` : ', peer: not run'}; ${rounds} rounds after one warm-up round, interleaved.`,
    '',
  ];
  try {
    const scenarios: [string, Contender[], number][] = [
      [
        'Single Redis (redis:7), time to first PONG',
        withPeer(
          [
            { name: '(a) floor: dockerode create+start+PING', run: () => floorRedis(docker, 1) },
            { name: '(b) berth, default wait', run: () => berthRedis(1) },
            { name: '(c) berth, log wait', run: () => berthRedis(1, waits.redisLog) },
          ],
          'redis',
        ),
        rounds,
      ],
      [
        '10 Redis at once, time until all answer PONG',
        withPeer(
          [
            { name: '(a) floor: dockerode create+start+PING', run: () => floorRedis(docker, 10) },
            { name: '(b) berth, default wait', run: () => berthRedis(10) },
            { name: '(c) berth, log wait', run: () => berthRedis(10, waits.redisLog) },
          ],
          'redis10',
        ),
        Math.max(2, Math.ceil(rounds / 3)),
      ],
      [
        'One-shot echo (debian:bookworm `echo hello`), time to completion',
        withPeer(
          [
            { name: '(a) floor: dockerode create+wait+start', run: () => floorEcho(docker) },
            { name: '(b) berth, forOneShotStartup()', run: () => berthEcho(waits.echoOneShot) },
            { name: '(c) berth, log wait ("hello")', run: () => berthEcho(waits.echoLog) },
          ],
          'echo',
        ),
        rounds,
      ],
    ];
    for (const [title, contenders, n] of scenarios) {
      const rows = await measure(title, contenders, n);
      out.push(`## ${title}`, '', table(rows), '');
      process.stdout.write(`## ${title}\n\n${table(rows)}\n\n`);
    }
  } finally {
    peer?.close();
    const leftovers = await docker.listContainers({ all: true, filters: { label: [`berth.bench=${BENCH_LABEL['berth.bench']}`] } });
    await Promise.all(leftovers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  }
  process.stdout.write(`${out.slice(0, 3).join('\n')}\nTotal bench time: ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
