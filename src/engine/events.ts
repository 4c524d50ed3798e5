import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Engine } from './engine';
import { toEngineError } from './engine-error';
import { wrapLiveResponse } from './live-response';

/** One container event from the engine's event stream. */
export interface EngineContainerEvent {
  /** e.g. `start`, `die`, `health_status: healthy`, `oom`, `restart`. */
  action: string;
  /** Event attributes (labels, `exitCode`, `name`, ...). */
  attributes: Record<string, string>;
  /** When it happened, in UNIX nanoseconds. */
  timeNano: number;
}

/** A live stream of one container's events. */
export interface ContainerEventStream {
  /** Object-mode stream of {@link EngineContainerEvent}. */
  readonly events: Readable;
  /** Whether the socket keeps the process alive (default: it does not). */
  keepAlive(on: boolean): void;
  close(): void;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  timeNano?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/** Follows the events of container `id` from `sinceSeconds` (fractional UNIX seconds) on. */
export async function followContainerEvents(engine: Engine, id: string, sinceSeconds: number): Promise<ContainerEventStream> {
  let raw: unknown;
  try {
    const pending = engine.api.getEvents({
      since: sinceSeconds.toFixed(9) as unknown as number,
      filters: { type: ['container'], container: [id] },
    } as never) as unknown as Promise<unknown>;
    raw = await pending;
  } catch (error) {
    throw toEngineError(`Follow events of container ${id.slice(0, 12)}`, error);
  }
  const events = new Readable({ objectMode: true, read: () => undefined });
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const onData = (chunk: Buffer): void => {
    const parts = (partial + decoder.write(chunk)).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.trim()) continue;
      try {
        const event = JSON.parse(part) as RawEvent;
        events.push({
          action: event.Action ?? event.status ?? '',
          attributes: event.Actor?.Attributes ?? {},
          timeNano: event.timeNano ?? 0,
        } satisfies EngineContainerEvent);
      } catch {
        // not an event line; ignore
      }
    }
  };
  const live = wrapLiveResponse(raw, `events of container ${id.slice(0, 12)}`, onData, () => events.push(null));
  return { events, ...live };
}
