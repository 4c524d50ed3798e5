// Aborting a reusable start that waits behind another start of the same configuration.
import { randomBytes } from 'node:crypto';
import { GenericContainer, OperationAbortedError, Wait } from 'berth';
import { containersWithLabel } from './helpers';

describe('withReuse and an AbortSignal', () => {
  it('rejects with OperationAbortedError at once, without waiting for the start ahead of it', async () => {
    const marker = randomBytes(6).toString('hex');
    const build = (): GenericContainer =>
      new GenericContainer('debian:bookworm')
        .withCommand(['sh', '-c', 'sleep 2; echo ready; exec sleep infinity'])
        .withLabels({ 'test.marker': marker })
        .withWaitStrategy(Wait.forLogMessage('ready'))
        .withReuse();
    const first = build().start();
    try {
      const started = Date.now();
      await expect(build().start({ signal: AbortSignal.timeout(300) })).rejects.toBeInstanceOf(OperationAbortedError);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await (await first).stop();
    }
    expect(await containersWithLabel('test.marker', marker)).toEqual([]);
  });
});
