import { GenericContainer, Wait } from '../../index';
import { REDIS_DATA_DIR, REDIS_PORT } from './constants';
import { assertRedisDump } from './redis-dump';
import { StartedRedisContainer } from './started-redis-container';

/**
 * A Redis server, compatible with `@testcontainers/redis`: exposes 6379, waits for "Ready to
 * accept connections" (startup timeout 120 s). Plus {@link withInitialDump} and
 * {@link StartedRedisContainer.backupTo} for RDB backups.
 */
export class RedisContainer extends GenericContainer {
  private password?: string;
  private persistenceDir?: string;
  private initialDump?: string;
  private userCommand?: string[];
  /** What `start()` already added to the builder, so that a second `start()` does not add it again. */
  private copiedDump?: string;
  private stackArgs?: { base: string | undefined; applied: string };

  /** @param image a Redis image, e.g. `redis:7` (the tag is required, as in testcontainers v11+). */
  constructor(image: string) {
    super(image);
    this.withExposedPorts(REDIS_PORT)
      .withStartupTimeout(120_000)
      .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'));
  }

  /** Replaces the server command; the module's own arguments are appended to it at start. */
  override withCommand(command: string[]): this {
    this.userCommand = [...command];
    return super.withCommand(command);
  }

  /** Requires this password (`--requirepass`); `getConnectionUrl()` and `executeCliCmd` use it. */
  withPassword(password: string): this {
    this.password = password;
    return this;
  }

  /** Keeps the data in `sourcePath` on the host: bind mount at `/data`, `--save 1 1 --appendonly yes`. */
  withPersistence(sourcePath: string): this {
    this.persistenceDir = sourcePath;
    this.withBindMounts([{ source: sourcePath, target: REDIS_DATA_DIR, mode: 'rw' }]);
    return this;
  }

  /**
   * Starts the server from an RDB dump (e.g. one {@link StartedRedisContainer.backupTo} wrote):
   * the file is copied to `/data/dump.rdb` before the server starts. A file that is not a Redis
   * dump rejects `start()` with `BackupError` before anything is created.
   */
  withInitialDump(hostFile: string): this {
    this.initialDump = hostFile;
    return this;
  }

  /** Starts the server and waits until it accepts connections. */
  override async start(options?: Parameters<GenericContainer['start']>[0]): Promise<StartedRedisContainer> {
    if (this.initialDump !== undefined) {
      await assertRedisDump(this.initialDump);
      if (this.copiedDump !== this.initialDump) {
        this.withCopyFilesToContainer([{ source: this.initialDump, target: `${REDIS_DATA_DIR}/dump.rdb`, mode: 0o644 }]);
        this.copiedDump = this.initialDump;
      }
    }
    const args: string[] = [];
    if (this.password) args.push('--requirepass', this.password);
    if (this.persistenceDir) args.push('--save', '1', '1', '--appendonly', 'yes');
    if (this.imageName.string.includes('redis-stack')) {
      // The user's REDIS_ARGS (as given, or as changed since the last start) plus the module's arguments.
      const current = this.environment['REDIS_ARGS'];
      const base = this.stackArgs && current === this.stackArgs.applied ? this.stackArgs.base : current;
      const applied = [base, ...args].filter(Boolean).join(' ');
      this.stackArgs = { base, applied };
      this.withEnvironment({ REDIS_ARGS: applied });
      this.withEntrypoint(['/entrypoint.sh']);
    } else if (args.length) {
      super.withCommand([...(this.userCommand ?? ['redis-server']), ...args]);
    }
    return new StartedRedisContainer(await super.start(options), this.password ?? '');
  }
}
