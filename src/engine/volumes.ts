import type { Engine } from './engine';
import { statusCodeOf, toEngineError } from './engine-error';

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
  try {
    // dockerode resolves a handle, not the response body: inspect to learn what the engine made.
    const volume = await engine.api.createVolume({
      Name: spec.name,
      Driver: spec.driver,
      DriverOpts: spec.driverOptions,
      Labels: spec.labels,
    });
    const inspect: EngineVolumeInspect = await volume.inspect();
    return inspect;
  } catch (error) {
    throw toEngineError(`Create volume ${spec.name}`, error);
  }
}

/** Inspects a volume; resolves `undefined` when it does not exist. */
export async function inspectVolume(engine: Engine, name: string): Promise<EngineVolumeInspect | undefined> {
  try {
    const inspect: EngineVolumeInspect = await engine.api.getVolume(name).inspect();
    return inspect;
  } catch (error) {
    if (statusCodeOf(error) === 404) return undefined;
    throw toEngineError(`Inspect volume ${name}`, error);
  }
}

/** Removes a volume. A volume that is already gone counts as removed; one in use rejects (HTTP 409). */
export async function removeVolume(engine: Engine, name: string): Promise<void> {
  try {
    await engine.api.getVolume(name).remove();
  } catch (error) {
    if (statusCodeOf(error) === 404) return;
    throw toEngineError(`Remove volume ${name}`, error);
  }
}

/** Ids of the containers (running or not) that mount the volume. */
export async function containersUsingVolume(engine: Engine, name: string): Promise<string[]> {
  try {
    const rows = (await engine.api.listContainers({ all: true, filters: { volume: [name] } })) as { Id: string }[];
    return rows.map((row) => row.Id);
  } catch (error) {
    throw toEngineError(`List containers using volume ${name}`, error);
  }
}
