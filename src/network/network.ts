import { getEngine } from '../engine/engine';
import { createNetwork, removeNetwork } from '../engine/networks';
import { EngineRequestError, InvalidArgumentError, NameConflictError, ResourceStateError } from '../errors';
import { LABEL_BERTH_CREATED_BY, randomUuid, sessionLabels, standardLabels } from '../labels';
import { createLogger } from '../logger';
import { ensureReaper } from '../reaper/reaper';
import { getSessionId } from '../reaper/session';
import { creationSite, trackResource, untrackResource } from '../reaper/tracker';

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

/** A network that exists. `stop()` (or `await using`) removes it. */
export class StartedNetwork implements AsyncDisposable {
  private stopping: Promise<StoppedNetwork> | undefined;

  /** @internal Created by {@link Network.start}. */
  constructor(
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

  /**
   * Removes the network. Idempotent; a network already gone counts as removed. A network that
   * still has containers rejects with {@link ResourceStateError} (stop them first).
   */
  stop(): Promise<StoppedNetwork> {
    if (!this.stopping) {
      const stopping = this.doStop();
      stopping.catch(() => {
        this.stopping = undefined; // a failed stop may be retried
      });
      this.stopping = stopping;
    }
    return this.stopping;
  }

  /** Same as {@link stop}. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private async doStop(): Promise<StoppedNetwork> {
    const engine = await getEngine();
    try {
      await removeNetwork(engine, this.id);
    } catch (error) {
      if (error instanceof EngineRequestError && (error.statusCode === 403 || error.statusCode === 409)) {
        throw new ResourceStateError(`network ${this.name}`, `cannot be removed while containers use it (${error.engineMessage})`, {
          cause: error,
        });
      }
      throw error;
    }
    untrackResource('network', this.id);
    log.debug(`Removed network ${this.name}`);
    return new StoppedNetwork(this.id, this.name);
  }
}

/** A network that was removed. */
export class StoppedNetwork {
  /** @internal Created by {@link StartedNetwork.stop}. */
  constructor(
    private readonly id: string,
    private readonly name: string,
  ) {}

  /** The id the network had. */
  getId(): string {
    return this.id;
  }

  /** The name the network had. */
  getName(): string {
    return this.name;
  }
}
