import { getConfig } from '../config';
import type { ProgressEvent } from '../engine/progress-stream';
import { createLogger } from '../logger';
import { liveDisplay } from './live-display';

const log = createLogger('berth:pull');

/** How progress is shown: a live display (TTY), one line at the end (CI), or only `berth:pull`. */
export type ProgressMode = 'live' | 'line' | 'log';

/** The progress display the configuration asks for (pulls and pushes): live on a TTY, one line in CI, else only the log. */
export function progressMode(): ProgressMode {
  const config = getConfig();
  if (config.interactive) return 'live';
  return config.ci ? 'line' : 'log';
}

interface Layer {
  status: string;
  current: number;
  total: number;
}

const DONE = /^(Pull complete|Already exists|Download complete|Layer already exists|Pushed|Mounted from)/;

/** Formats a byte count: `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Follows one pull's (or push's) progress events: logs them, and draws or prints progress. */
export class TransferProgress {
  private readonly layers = new Map<string, Layer>();
  private readonly started = Date.now();

  constructor(
    readonly image: string,
    private readonly mode: ProgressMode,
    private readonly verb: 'Pull' | 'Push' = 'Pull',
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
  ) {
    if (mode === 'live') liveDisplay.add(this);
  }

  /** Handles one engine event. */
  onEvent(event: ProgressEvent): void {
    const id = event.id;
    const status = event.status ?? '';
    if (id && /^[a-f0-9]{12,}$/.test(id)) {
      const layer = this.layers.get(id) ?? { status: '', current: 0, total: 0 };
      const detail = event.progressDetail;
      if (detail?.total) layer.total = detail.total;
      if (detail?.current !== undefined && /^(Downloading|Pushing)/.test(status)) layer.current = detail.current;
      if (DONE.test(status)) layer.current = layer.total;
      if (layer.status !== status) log.debug(`${id}: ${status}`, { image: this.image });
      layer.status = status;
      this.layers.set(id, layer);
    } else if (status) {
      log.debug(`${id ? `${id}: ` : ''}${status}`, { image: this.image });
    }
  }

  /** Bytes transferred so far, and the total known so far. */
  bytes(): { current: number; total: number } {
    let current = 0;
    let total = 0;
    for (const layer of this.layers.values()) {
      current += layer.current;
      total += layer.total;
    }
    return { current, total };
  }

  /** One-line summary: image, layers done, bytes, rate. */
  summary(): string {
    const layers = [...this.layers.values()];
    const done = layers.filter((l) => DONE.test(l.status)).length;
    const { current, total } = this.bytes();
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = `${formatBytes(Math.round(current / seconds))}/s`;
    return `${this.verb} ${this.image}: ${done}/${layers.length} layers, ${formatBytes(current)}/${formatBytes(total)}, ${rate}`;
  }

  /** Ends the display; in CI prints one line with size and time. */
  finish(ok: boolean): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const { current } = this.bytes();
    const line = `${this.verb === 'Pull' ? 'Pulled' : 'Pushed'} ${this.image} (${formatBytes(current)} in ${seconds} s)`;
    if (this.mode === 'live') liveDisplay.remove(this);
    if (ok) {
      log.info(line, { image: this.image });
      if (this.mode === 'line') this.write(`berth: ${line}\n`);
    } else {
      log.warn(`${this.verb} failed after ${seconds} s`, { image: this.image });
    }
  }
}
