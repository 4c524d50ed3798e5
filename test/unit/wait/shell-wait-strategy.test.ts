import { InvalidArgumentError } from '../../../src/errors';
import { Wait } from '../../../src/wait/wait';
import { FakeTarget } from './fake-target';

describe('ShellWaitStrategy', () => {
  it('runs /bin/sh -c until the command exits 0', async () => {
    const target = new FakeTarget();
    let runs = 0;
    target.onExec = () => {
      runs += 1;
      return { exitCode: runs < 3 ? 1 : 0, stdout: '', stderr: 'not yet', output: 'not yet' };
    };
    await Wait.forSuccessfulCommand('redis-cli ping').waitUntilReady(target, new AbortController().signal);
    expect(target.execCalls).toEqual(Array(3).fill(['/bin/sh', '-c', 'redis-cli ping']));
  });

  it('stops when aborted', async () => {
    const target = new FakeTarget();
    target.onExec = () => ({ exitCode: 1, stdout: '', stderr: '', output: '' });
    const controller = new AbortController();
    const wait = Wait.forSuccessfulCommand('false').waitUntilReady(target, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 120);
    await expect(wait).rejects.toThrow('stop');
    const calls = target.execCalls.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(target.execCalls.length).toBe(calls);
  });

  it('rejects an empty command', () => {
    expect(() => Wait.forSuccessfulCommand(' ')).toThrow(InvalidArgumentError);
    expect(Wait.forSuccessfulCommand('true').describe()).toBe('shell command "true"');
  });
});
