import type { Engine } from './engine';
import { engineCallUnless } from './engine-error';

/** The fields of an image inspect berth uses. */
export interface ImageInspect {
  Id: string;
  RepoTags?: string[];
  RepoDigests?: string[];
  Config?: {
    Healthcheck?: { Test?: string[] };
    ExposedPorts?: Record<string, unknown>;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
    Volumes?: Record<string, unknown> | null;
    Labels?: Record<string, string> | null;
  };
  Size?: number;
}

/** Inspects an image; resolves `undefined` when it does not exist. */
export async function inspectImage(engine: Engine, reference: string): Promise<ImageInspect | undefined> {
  return engineCallUnless(`Inspect image ${reference}`, [404], async () => (await engine.api.getImage(reference).inspect()) as ImageInspect);
}
