// The stop path's engine calls: a removing stop without a grace period is one forced remove.
import { removeContainer, stopContainer } from '../../../src/engine/containers';
import type { Engine } from '../../../src/engine/engine';
import { stopStartedContainer } from '../../../src/container/stop';

jest.mock('../../../src/engine/containers', () => ({
  stopContainer: jest.fn(() => Promise.resolve()),
  removeContainer: jest.fn(() => Promise.resolve()),
}));

const engine = {} as Engine;

beforeEach(() => jest.clearAllMocks());

describe('stopStartedContainer', () => {
  it('removes without a separate stop when there is no grace period', async () => {
    const closeLogs = jest.fn();
    await stopStartedContainer(engine, 'c1', closeLogs, { timeout: 0, remove: true, removeVolumes: true });
    expect(stopContainer).not.toHaveBeenCalled();
    expect(removeContainer).toHaveBeenCalledWith(engine, 'c1', true);
    expect(closeLogs).toHaveBeenCalled();
  });

  it('stops with the grace period, then removes', async () => {
    await stopStartedContainer(engine, 'c2', jest.fn(), { timeout: 2_500, remove: true, removeVolumes: false });
    expect(stopContainer).toHaveBeenCalledWith(engine, 'c2', 2);
    expect(removeContainer).toHaveBeenCalledWith(engine, 'c2', false);
  });

  it('only stops a container it keeps', async () => {
    await stopStartedContainer(engine, 'c3', jest.fn(), { timeout: 0, remove: false, removeVolumes: true });
    expect(stopContainer).toHaveBeenCalledWith(engine, 'c3', 0);
    expect(removeContainer).not.toHaveBeenCalled();
  });
});
