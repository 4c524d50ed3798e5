// Direct engine access for assertions the public API cannot make (does a container still exist?).
import { getEngine } from '../../../src/engine/engine';
import { tryInspectContainer } from '../../../src/engine/containers';
import type { EngineContainerInspect } from '../../../src/engine/container-types';
import type { WaitStrategy, WaitTarget } from 'berth';

/** The engine's inspect of a container, or undefined when it does not exist. */
export async function engineInspect(id: string): Promise<EngineContainerInspect | undefined> {
  return tryInspectContainer(await getEngine(), id);
}

/** Whether any volume named `name` exists. */
export async function volumeExists(name: string): Promise<boolean> {
  const engine = await getEngine();
  try {
    await engine.api.getVolume(name).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Ids of containers (any state) carrying `label=value`. */
export async function containersWithLabel(label: string, value: string): Promise<string[]> {
  const engine = await getEngine();
  const rows = await engine.api.listContainers({ all: true, filters: { label: [`${label}=${value}`] } });
  return rows.map((r) => r.Id);
}

/** A wait strategy that runs `check` against the target (for tests that need a specific wait). */
export function customWait(check: (target: WaitTarget, signal: AbortSignal) => Promise<void>, name = 'custom'): WaitStrategy {
  let timeout = 60_000;
  let set = false;
  const strategy: WaitStrategy = {
    waitUntilReady: (target, signal) => check(target, signal),
    withStartupTimeout: (ms) => ((timeout = ms), (set = true), strategy),
    isStartupTimeoutSet: () => set,
    getStartupTimeout: () => timeout,
    describe: () => name,
  };
  return strategy;
}

/** Removes a volume (ignores a missing one). */
export async function removeVolume(name: string): Promise<void> {
  const engine = await getEngine();
  await engine.api.getVolume(name).remove({ force: true }).catch(() => undefined);
}

/** Removes an image (ignores a missing one). */
export async function removeImage(reference: string): Promise<void> {
  const engine = await getEngine();
  await engine.api.getImage(reference).remove({ force: true }).catch(() => undefined);
}

/** The labels of an image, or undefined when it does not exist. */
export async function imageLabels(reference: string): Promise<Record<string, string> | undefined> {
  const engine = await getEngine();
  try {
    const info = await engine.api.getImage(reference).inspect();
    return info.Config.Labels ?? {};
  } catch {
    return undefined;
  }
}

/** Reads a whole text stream. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Waits until `check` returns true, polling every 20 ms, for at most `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
