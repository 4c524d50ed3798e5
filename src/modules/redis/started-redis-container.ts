import { AbstractStartedContainer, ExecFailedError, type StartedTestContainer } from '../../index';
import { REDIS_DATA_DIR, REDIS_PORT } from './constants';
import { prepareDumpTarget } from './redis-dump';

/** A running Redis server: connection details, `redis-cli`, and consistent RDB backups. */
export class StartedRedisContainer extends AbstractStartedContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly password: string,
  ) {
    super(startedTestContainer);
  }

  /** The host port Redis is published on. */
  getPort(): number {
    return this.getMappedPort(REDIS_PORT);
  }

  /** The password given with `withPassword`, or `""`. */
  getPassword(): string {
    return this.password;
  }

  /** `redis://host:port`, or `redis://:password@host:port` with a password. */
  getConnectionUrl(): string {
    const auth = this.password ? `:${encodeURIComponent(this.password)}@` : '';
    return `redis://${auth}${this.getHost()}:${this.getPort()}`;
  }

  /**
   * Runs `redis-cli [-a password] cmd ...additionalFlags` in the container and resolves its
   * output. A non-zero exit rejects with `ExecFailedError` (as testcontainers, `cmd` is ONE
   * argument: pass the command's arguments in `additionalFlags`, e.g. `("set", ["k", "v"])`).
   */
  async executeCliCmd(cmd: string, additionalFlags: string[] = []): Promise<string> {
    const auth = this.password ? ['-a', this.password, '--no-auth-warning'] : [];
    const command = ['redis-cli', ...auth, cmd, ...additionalFlags];
    const result = await this.exec(command);
    if (result.exitCode !== 0) {
      const shown = command.map((part, i) => (auth.length && i === 2 ? '***' : part));
      throw new ExecFailedError(this.getId(), shown, result.exitCode, result.output);
    }
    return result.output;
  }

  /**
   * Writes a consistent RDB dump of the server to `hostFile`: `SAVE` (blocks the server until the
   * dump is on disk), then `dump.rdb` is copied out through the Engine API (works with a remote
   * engine, needs no shell in the image). Rejects with `BackupError` before `SAVE` when
   * `hostFile` cannot be written. Restore it with `new RedisContainer(image).withInitialDump(hostFile)`.
   */
  async backupTo(hostFile: string): Promise<void> {
    const writeDump = await prepareDumpTarget(hostFile);
    let archive: NodeJS.ReadableStream;
    try {
      const saved = (await this.executeCliCmd('SAVE')).trim();
      if (saved !== 'OK') throw new ExecFailedError(this.getId(), ['redis-cli', 'SAVE'], 0, saved);
      const dir = (await this.executeCliCmd('CONFIG', ['GET', 'dir'])).trim().split('\n')[1]?.trim() || REDIS_DATA_DIR;
      const file = (await this.executeCliCmd('CONFIG', ['GET', 'dbfilename'])).trim().split('\n')[1]?.trim() || 'dump.rdb';
      archive = await this.copyArchiveFromContainer(`${dir}/${file}`);
    } catch (error) {
      await writeDump.discard();
      throw error;
    }
    await writeDump(archive);
  }
}
