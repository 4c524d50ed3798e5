/** Something with a one-line summary to draw. */
export interface LiveLine {
  summary(): string;
}

const REDRAW_MS = 200;

/**
 * A live block of lines on a TTY's stderr, one per running pull or push, redrawn in place every
 * 200 ms. The timer is unref'd, and stops when the last line is removed (it stays printed).
 */
export class LiveDisplay {
  private readonly lines = new Set<LiveLine>();
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  add(line: LiveLine): void {
    this.lines.add(line);
    this.timer ??= setInterval(() => this.draw(), REDRAW_MS).unref();
    this.draw();
  }

  remove(line: LiveLine): void {
    this.lines.delete(line);
    // Draw the finished line first, then leave it above the block: it stays on screen.
    this.draw([line, ...this.lines]);
    this.drawn = this.lines.size;
    if (this.lines.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.drawn = 0;
    }
  }

  private draw(lines: LiveLine[] = [...this.lines]): void {
    const columns = this.out.columns || 120;
    let text = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const line of lines) text += `\x1b[2K${line.summary().slice(0, columns - 1)}\n`;
    this.out.write(text);
    this.drawn = lines.length;
  }
}

/** The process's one live display. */
export const liveDisplay = new LiveDisplay();
