import { failureDetails } from '../../../src/wait/failure-details';
import { FakeTarget } from './fake-target';

describe('failureDetails', () => {
  it('looks again when the engine reports exit code 137 before it records the OOM kill', async () => {
    const target = new FakeTarget();
    target.setState({ status: 'exited', running: false, exitCode: 137, oomKilled: false });
    setTimeout(() => target.setState({ oomKilled: true }), 250);
    const details = await failureDetails(target, { status: 'exited', exitCode: 137, oomKilled: false });
    expect(details.exitCode).toBe(137);
    expect(details.oomKilled).toBe(true);
  });

  it('does not wait for an OOM flag when the exit code says it was no kill', async () => {
    const target = new FakeTarget();
    target.setState({ status: 'exited', running: false, exitCode: 3, oomKilled: false });
    const started = Date.now();
    const details = await failureDetails(target, { status: 'exited', exitCode: 3, oomKilled: false });
    expect(details.oomKilled).toBe(false);
    expect(target.stateCalls).toBe(1);
    expect(Date.now() - started).toBeLessThan(900);
  });
});
