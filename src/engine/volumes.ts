import type { Engine } from './engine';
import { engineCall, engineCallUnless } from './engine-error';

/** What berth asks for when it creates a volume. */
export interface EngineVolumeCreate {
  name: string;
  driver: string;
  driverOptions: Record<string, string>;
  labels: Record<string, string>;
}

/** The fields of `GET /volumes/{name}` berth uses. */
export interface EngineVolumeInspect {
  Name: string;
  Driver: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
}

/**
 * Creates a volume (`POST /volumes/create`). Note the engine answers 201 with the EXISTING volume
 * when the name is taken, so callers check with {@link inspectVolume} first and compare labels after.
 */
export async function createVolume(engine: Engine, spec: EngineVolumeCreate): Promise<EngineVolumeInspect> {
  return engineCall(`Create volume ${spec.name}`, async (): Promise<EngineVolumeInspect> => {
    // dockerode resolves a handle, not the response body: inspect to learn what the engine made.
    const volume = await engine.api.createVolume({
      Name: spec.name,
      Driver: spec.driver,
      DriverOpts: spec.driverOptions,
      Labels: spec.labels,
    });
    return volume.inspect();
  });
}

/** Inspects a volume; resolves `undefined` when it does not exist. */
export async function inspectVolume(engine: Engine, name: string): Promise<EngineVolumeInspect | undefined> {
  return engineCallUnless(`Inspect volume ${name}`, [404], async (): Promise<EngineVolumeInspect> => engine.api.getVolume(name).inspect());
}

/** Removes a volume. A volume that is already gone counts as removed; one in use rejects (HTTP 409). */
export async function removeVolume(engine: Engine, name: string): Promise<void> {
  await engineCallUnless(`Remove volume ${name}`, [404], () => engine.api.getVolume(name).remove());
}

/** Ids of the containers (running or not) that mount the volume. */
export async function containersUsingVolume(engine: Engine, name: string): Promise<string[]> {
  const rows = await engineCall(`List containers using volume ${name}`, () =>
    engine.api.listContainers({ all: true, filters: { volume: [name] } }),
  );
  return rows.map((row) => row.Id);
}
