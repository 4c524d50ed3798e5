// Shared helpers of the wait integration tests.
import type { StartedTestContainer } from 'berth';
import { getEngine } from '../../../src/engine/engine';
import { FakeTarget } from '../../unit/wait/fake-target';

/** A label that marks the containers of one test file, to prove nothing is left behind. */
export function testLabel(file: string): Record<string, string> {
  return { 'berth.test': `wait-${file}-${process.pid}` };
}

/** Containers (running or not) that carry `label`. */
export async function containersWith(label: Record<string, string>): Promise<string[]> {
  const engine = await getEngine();
  const [key, value] = Object.entries(label)[0] as [string, string];
  const list = await engine.api.listContainers({ all: true, filters: { label: [`${key}=${value}`] } });
  return list.map((c) => c.Id);
}

/** Removes whatever a failed test may have left. */
export async function removeAll(label: Record<string, string>): Promise<void> {
  const engine = await getEngine();
  await Promise.all((await containersWith(label)).map((id) => engine.api.getContainer(id).remove({ force: true }).catch(() => undefined)));
}

/**
 * A target that reaches a real container only through its published ports (as with a remote
 * engine): container IPs unknown, so port checks go through the engine's port proxy.
 */
export function remoteView(container: StartedTestContainer, ports: { containerPort: number }[]): FakeTarget {
  const target = new FakeTarget();
  target.host = container.getHost();
  target.engineIsLocal = false;
  for (const { containerPort } of ports) target.withPort(containerPort, container.getMappedPort(containerPort));
  return target;
}
