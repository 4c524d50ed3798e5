import { getEngine } from '../engine/engine';
import { createNetwork, removeNetwork } from '../engine/networks';
import { EngineRequestError, InvalidArgumentError, NameConflictError } from '../errors';
import { LABEL_BERTH_CREATED_BY, randomUuid, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { ensureReaper } from '../reaper/reaper';
import { getSessionId } from '../reaper/session';
import { RemoveOnce, removeTracked } from '../reaper/removal';
import { creationSite, trackResource } from '../reaper/tracker';

const log = createLogger('berth:network');

/** A source of 12-hex-char ids, as testcontainers' `Uuid` (`new RandomUuid()`). */
export interface NetworkUuid {
  nextUuid(): string;
}

/** Options of {@link Network}. */
export interface NetworkOptions {
  /** The network name (default: 12 random hex characters). */
  name?: string;
  /** An internal network has no route to the outside world (`Internal`). Default `false`. */
  internal?: boolean;
  /** Extra labels; berth's own and the session labels are always added. */
  labels?: Record<string, string>;
}

function isUuid(value: unknown): value is NetworkUuid {
  return typeof (value as NetworkUuid | undefined)?.nextUuid === 'function';
}

/**
 * A user-defined bridge network: `new Network()` (or `new Network({ name, internal, labels })`),
 * then `start()`. Containers join it with `withNetwork(network)` and find each other by name or by
 * their `withNetworkAliases(...)`. testcontainers' `new Network(uuid)` shape is accepted too.
 */
export class Network {
  private readonly name: string;
  private readonly internal: boolean;
  private readonly labels: Record<string, string>;

  constructor(options: NetworkOptions | NetworkUuid = {}) {
    const opts: NetworkOptions = isUuid(options) ? { name: options.nextUuid() } : options;
    if (opts.name !== undefined && (typeof opts.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(opts.name))) {
      throw new InvalidArgumentError('network name', opts.name, 'expected [a-zA-Z0-9][a-zA-Z0-9_.-]*');
    }
    this.name = opts.name ?? randomUuid();
    this.internal = opts.internal ?? false;
    this.labels = { ...(opts.labels ?? {}) };
  }

  /** Creates the network. A taken name rejects with {@link NameConflictError}. */
  async start(): Promise<StartedNetwork> {
    const createdBy = creationSite(); // before the first await: the caller's frame is still on the stack
    const engine = await getEngine();
    await ensureReaper(engine);
    const labels = {
      ...this.labels,
      ...standardLabels(),
      ...sessionLabels(getSessionId()),
      ...(createdBy ? { [LABEL_BERTH_CREATED_BY]: createdBy } : {}),
    };
    let id: string;
    try {
      id = await createNetwork(engine, { name: this.name, internal: this.internal, labels });
    } catch (error) {
      if (error instanceof EngineRequestError && error.statusCode === 409) {
        throw new NameConflictError('network', this.name, { cause: error });
      }
      throw error;
    }
    trackResource({ kind: 'network', id, name: this.name, createdBy });
    log.debug(`Created network ${this.name} (${id.slice(0, 12)}${this.internal ? ', internal' : ''})`);
    return new StartedNetwork(id, this.name);
  }
}

/** The id and name every network state answers with. */
abstract class NetworkIdentity {
  protected constructor(
    private readonly id: string,
    private readonly name: string,
  ) {}

  /** The network id. */
  getId(): string {
    return this.id;
  }

  /** The network name (what `withNetwork` and the engine use). */
  getName(): string {
    return this.name;
  }
}

/** A network that exists. `stop()` (or `await using`) removes it. */
export class StartedNetwork extends NetworkIdentity implements AsyncDisposable {
  private readonly stopping = new RemoveOnce(() => this.doStop());

  /** @internal Created by {@link Network.start}. */
  constructor(id: string, name: string) {
    super(id, name);
  }

  /**
   * Removes the network. Idempotent; a network already gone counts as removed. A network that
   * still has containers rejects with {@link ResourceStateError} (stop them first).
   */
  stop(): Promise<StoppedNetwork> {
    return this.stopping.run();
  }

  /** Same as {@link stop}. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private async doStop(): Promise<StoppedNetwork> {
    const engine = await getEngine();
    await removeTracked('network', this.getId(), this.getName(), 'containers use it', () => removeNetwork(engine, this.getId()));
    log.debug(`Removed network ${this.getName()}`);
    return new StoppedNetwork(this.getId(), this.getName());
  }
}

/** A network that was removed; {@link getId} and {@link getName} say what it was. */
export class StoppedNetwork extends NetworkIdentity {
  /** @internal Created by {@link StartedNetwork.stop}. */
  constructor(id: string, name: string) {
    super(id, name);
  }
}
