import { EngineRequestError, ResourceStateError } from 'berth';
import { RemoveOnce, removeTracked } from '../../../src/reaper/removal';
import { trackResource, trackedResources, untrackResource } from '../../../src/reaper/tracker';

it('RemoveOnce shares one removal between calls and forgets a failed one', async () => {
  let calls = 0;
  let fail = true;
  const once = new RemoveOnce(() => {
    calls++;
    return fail ? Promise.reject(new Error('busy')) : Promise.resolve(calls);
  });
  await expect(Promise.all([once.run(), once.run()])).rejects.toThrow('busy');
  expect(calls).toBe(1);
  fail = false;
  await expect(once.run()).resolves.toBe(2);
  await expect(once.run()).resolves.toBe(2);
  expect(calls).toBe(2);
});

function engineError(statusCode: number): EngineRequestError {
  return Object.assign(Object.create(EngineRequestError.prototype) as EngineRequestError, { statusCode, engineMessage: 'in use', message: 'x' });
}

it('removeTracked untracks after removal and names the resource when the engine says it is in use', async () => {
  trackResource({ kind: 'volume', id: 'v1', name: 'v1' });
  await expect(removeTracked('volume', 'v1', 'v1', 'a container uses it', () => Promise.reject(engineError(409)))).rejects.toThrow(
    ResourceStateError,
  );
  expect(trackedResources().some((r) => r.id === 'v1')).toBe(true);
  await removeTracked('volume', 'v1', 'v1', 'a container uses it', () => Promise.resolve());
  expect(trackedResources().some((r) => r.id === 'v1')).toBe(false);
  // 403 means "in use" for networks only; for a volume it is passed through as is.
  await expect(removeTracked('network', 'n', 'net', 'containers use it', () => Promise.reject(engineError(403)))).rejects.toThrow(
    /network net.*cannot be removed while containers use it \(in use\)/,
  );
  await expect(removeTracked('volume', 'v2', 'v2', 'x', () => Promise.reject(engineError(403)))).rejects.not.toBeInstanceOf(ResourceStateError);
  untrackResource('network', 'n');
});
