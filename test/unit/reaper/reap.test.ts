import { reapSession, removeResources } from '../../../src/reaper/reap';
import { FakeStore, resource } from './fake-store';

const S = 'org.testcontainers.session-id';

it('removes containers before networks, volumes and images', async () => {
  const store = new FakeStore([
    resource('image', 'i', { [S]: 'x' }),
    resource('volume', 'v', { [S]: 'x' }),
    resource('network', 'n', { [S]: 'x' }),
    resource('container', 'c', { [S]: 'x' }),
  ]);
  await removeResources(store, [...store.resources]);
  expect(store.removed).toEqual(['container:c', 'network:n', 'volume:v', 'image:i']);
});

it('removes only the session and catches a resource created while it cleaned up', async () => {
  const store = new FakeStore([resource('container', 'mine', { [S]: 'x' }), resource('container', 'other', { [S]: 'y' })]);
  let pauses = 0;
  const result = await reapSession(store, 'x', {
    sleep: () => {
      // A create request that was in flight when the owner died lands after the first pass.
      if (pauses++ === 0) store.resources.push(resource('volume', 'late', { [S]: 'x' }));
      return Promise.resolve();
    },
  });
  expect(result.removed.map((r) => r.id)).toEqual(['mine', 'late']);
  expect(store.resources.map((r) => r.id)).toEqual(['other']);
});
