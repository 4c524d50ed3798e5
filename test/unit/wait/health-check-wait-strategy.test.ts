import { WaitStrategyError } from '../../../src/errors';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

const signal = () => new AbortController().signal;

describe('HealthCheckWaitStrategy', () => {
  it('resolves on a health_status: healthy event without polling', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'starting' });
    const wait = Wait.forHealthCheck().waitUntilReady(target, signal());
    setTimeout(() => target.emit('health_status: healthy'), 20);
    await wait;
    expect(target.stateCalls).toBe(1);
    expect(target.openStreams).toBe(0);
  });

  it('resolves at once when the state is already healthy', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'healthy' });
    await Wait.forHealthCheck().waitUntilReady(target, signal());
  });

  it('fails at once on unhealthy with the probe output', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'starting' });
    const wait = Wait.forHealthCheck().waitUntilReady(target, signal());
    setTimeout(() => {
      target.setState({ health: 'unhealthy', lastHealthOutput: 'connection refused\n' });
      target.emit('health_status: unhealthy');
    }, 10);
    await expect(wait).rejects.toThrow(new WaitStrategyError('health check', 'unhealthy: connection refused'));
  });

  it('understands Podman-style events (status in the attributes)', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'starting' });
    target.emit('health_status', { health_status: 'healthy' });
    await Wait.forHealthCheck().waitUntilReady(target, signal());
  });

  it('fails when the container has no health check', async () => {
    const target = new FakeTarget();
    await expect(Wait.forHealthCheck().waitUntilReady(target, signal())).rejects.toThrow('the container has no health check');
  });

  it('falls back to polling the state when events are unavailable', async () => {
    const target = new FakeTarget();
    target.eventsError = new Error('no events');
    target.setState({ health: 'starting' });
    setTimeout(() => target.setState({ health: 'healthy' }), 30);
    await Wait.forHealthCheck().waitUntilReady(target, signal());
    expect(target.stateCalls).toBeGreaterThan(1);
  });

  it('stops when aborted', async () => {
    const target = new FakeTarget();
    target.setState({ health: 'starting' });
    const controller = new AbortController();
    const wait = Wait.forHealthCheck().waitUntilReady(target, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(wait).rejects.toThrow('stop');
    expect(target.openStreams).toBe(0);
  });
});
