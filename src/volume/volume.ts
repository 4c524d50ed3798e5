import { getEngine } from '../engine/engine';
import { createVolume, inspectVolume, removeVolume } from '../engine/volumes';
import { InvalidArgumentError, NameConflictError } from '../errors';
import { LABEL_BERTH_CREATED_BY, randomUuid, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { ensureReaper } from '../reaper/reaper';
import { getSessionId } from '../reaper/session';
import { RemoveOnce, removeTracked } from '../reaper/removal';
import { creationSite, trackResource } from '../reaper/tracker';
import { backupVolume, restoreVolume } from './backup';

const log = createLogger('berth:volume');
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * A named Docker volume to create: `new Volume(name?)`, then `start()`. Containers mount it with
 * `withVolumeMount(volume, target, mode?)`. Like every berth resource it carries the session
 * labels, so it is removed with the session even if the process dies.
 */
export class Volume {
  private readonly name: string;
  private readonly labels: Record<string, string> = {};
  private driver = 'local';
  private driverOptions: Record<string, string> = {};

  /** @param name the volume name (default: 12 random hex characters). */
  constructor(name?: string) {
    if (name !== undefined && (typeof name !== 'string' || !VOLUME_NAME.test(name))) {
      throw new InvalidArgumentError('volume name', name, 'expected [a-zA-Z0-9][a-zA-Z0-9_.-]+, at least 2 characters');
    }
    this.name = name ?? randomUuid();
  }

  /** Adds labels (merged with earlier ones). */
  withLabels(labels: Record<string, string>): this {
    Object.assign(this.labels, labels);
    return this;
  }

  /** Uses a volume driver other than `local`, with its driver options (`DriverOpts`). */
  withDriver(driver: string, options: Record<string, string> = {}): this {
    this.driver = driver;
    this.driverOptions = { ...options };
    return this;
  }

  /** The name the volume gets. */
  getName(): string {
    return this.name;
  }

  /**
   * Creates the volume. A name that is taken rejects with {@link NameConflictError} and leaves
   * the existing volume untouched (the engine itself would silently hand back the existing one).
   */
  async start(): Promise<StartedVolume> {
    const createdBy = creationSite(); // before the first await: the caller's frame is still on the stack
    const engine = await getEngine();
    await ensureReaper(engine);
    if (await inspectVolume(engine, this.name)) throw new NameConflictError('volume', this.name);
    const labels = {
      ...this.labels,
      ...standardLabels(),
      ...sessionLabels(getSessionId()),
      ...(createdBy ? { [LABEL_BERTH_CREATED_BY]: createdBy } : {}),
    };
    const created = await createVolume(engine, {
      name: this.name,
      driver: this.driver,
      driverOptions: this.driverOptions,
      labels,
    });
    if (Object.entries(labels).some(([key, value]) => created.Labels?.[key] !== value)) {
      // Someone created it between our check and our create: it is theirs, leave it.
      throw new NameConflictError('volume', this.name);
    }
    trackResource({ kind: 'volume', id: this.name, name: this.name, createdBy });
    log.debug(`Created volume ${this.name} (driver ${this.driver})`);
    return new StartedVolume(this.name, { ...(created.Labels ?? labels) });
  }
}

/** A volume that exists. `remove()` (or `await using`) deletes it. */
export class StartedVolume implements AsyncDisposable {
  private readonly removal = new RemoveOnce(() => this.doRemove());

  /** @internal Created by {@link Volume.start}. */
  constructor(
    private readonly name: string,
    private readonly labels: Record<string, string>,
  ) {}

  /** The volume's name (what `withVolumeMount` and the engine use). */
  getName(): string {
    return this.name;
  }

  /** The volume's labels, berth's session labels included. */
  getLabels(): Record<string, string> {
    return { ...this.labels };
  }

  /**
   * Writes a tar archive of the volume's contents to `hostFile` (on this machine, even when the
   * engine is remote). Works while containers use the volume. Rejects with {@link BackupError}
   * if `hostFile` cannot be written, before anything is created on the engine.
   */
  async backupTo(hostFile: string): Promise<void> {
    await backupVolume(await getEngine(), this.name, hostFile);
  }

  /**
   * Replaces the volume's contents with the tar archive `hostFile` (e.g. one {@link backupTo}
   * wrote). Works while containers use the volume (they see the files change under them).
   * A file that is not a complete tar archive rejects with {@link BackupError} and the volume
   * keeps its contents.
   */
  async restoreFrom(hostFile: string): Promise<void> {
    await restoreVolume(await getEngine(), this.name, hostFile);
  }

  /**
   * Removes the volume. Idempotent; a volume already gone counts as removed. A volume that a
   * container still mounts rejects with {@link ResourceStateError} (remove the container first).
   */
  remove(): Promise<RemovedVolume> {
    return this.removal.run();
  }

  /** Same as {@link remove}. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.remove();
  }

  private async doRemove(): Promise<RemovedVolume> {
    const engine = await getEngine();
    await removeTracked('volume', this.name, this.name, 'a container uses it', () => removeVolume(engine, this.name));
    log.debug(`Removed volume ${this.name}`);
    return new RemovedVolume(this.name);
  }
}

/** A volume that was removed. */
export class RemovedVolume {
  /** @internal Created by {@link StartedVolume.remove}. */
  constructor(private readonly name: string) {}

  /** The name the volume had. */
  getName(): string {
    return this.name;
  }
}
