import { LABEL_TESTCONTAINERS_SESSION_ID, NameConflictError, Network, StoppedNetwork } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { inspectNetwork } from '../../../src/engine/networks';
import { getSessionId } from '../../../src/reaper/session';

describe('Network (real engine)', () => {
  it('creates a labelled bridge network and removes it idempotently', async () => {
    const engine = await getEngine();
    const network = await new Network().start();
    expect(network.getName()).toMatch(/^[0-9a-f]{12}$/);
    const inspect = await inspectNetwork(engine, network.getId());
    expect(inspect?.Name).toBe(network.getName());
    expect(inspect?.Internal).toBe(false);
    expect(inspect?.Labels?.[LABEL_TESTCONTAINERS_SESSION_ID]).toBe(getSessionId());
    expect(inspect?.Labels?.['org.testcontainers']).toBe('true');
    expect(inspect?.Labels?.['dev.berth.created-by']).toMatch(/network\.test\.ts:\d+$/);

    const [first, second] = await Promise.all([network.stop(), network.stop()]);
    expect(first).toBeInstanceOf(StoppedNetwork);
    expect(second).toBe(first);
    expect(first.getId()).toBe(network.getId());
    expect(await inspectNetwork(engine, network.getId())).toBeUndefined();
  });

  it('takes a name, internal and labels; a taken name is a NameConflictError', async () => {
    const engine = await getEngine();
    const name = `berth-test-net-${getSessionId()}`;
    await using network = await new Network({ name, internal: true, labels: { team: 'storage' } }).start();
    expect(network.getName()).toBe(name);
    const inspect = await inspectNetwork(engine, name);
    expect(inspect?.Internal).toBe(true);
    expect(inspect?.Labels?.team).toBe('storage');

    const conflict = new Network({ name }).start();
    await expect(conflict).rejects.toBeInstanceOf(NameConflictError);
    await expect(new Network({ name }).start()).rejects.toThrow(`Create network failed: ${name} (the name is taken`);
    expect((await inspectNetwork(engine, name))?.Id).toBe(network.getId());
  });

  it('accepts the testcontainers `new Network(uuid)` shape and disposes with await using', async () => {
    const engine = await getEngine();
    const fixed = `berth-uuid-${getSessionId()}`;
    let id: string;
    {
      await using network = await new Network({ nextUuid: () => fixed }).start();
      expect(network.getName()).toBe(fixed);
      id = network.getId();
    }
    expect(await inspectNetwork(engine, id)).toBeUndefined();
  });
});
