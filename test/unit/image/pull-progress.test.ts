import { formatBytes, TransferProgress } from '../../../src/image/pull-progress';
import { LiveDisplay } from '../../../src/image/live-display';

describe('TransferProgress', () => {
  const events = [
    { status: 'Pulling from berth/app', id: '1' },
    { status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' },
    { status: 'Pulling fs layer', id: 'bbbbbbbbbbbb' },
    { status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 500_000, total: 1_000_000 } },
    { status: 'Downloading', id: 'bbbbbbbbbbbb', progressDetail: { current: 1_000, total: 2_000_000 } },
    { status: 'Download complete', id: 'aaaaaaaaaaaa' },
    { status: 'Pull complete', id: 'aaaaaaaaaaaa' },
  ];

  it('counts layers and bytes for the live line', () => {
    const p = new TransferProgress('app:1', 'log');
    for (const e of events) p.onEvent(e);
    expect(p.bytes()).toEqual({ current: 1_001_000, total: 3_000_000 });
    expect(p.summary()).toMatch(/^Pull app:1: 1\/2 layers, 1\.0 MB\/3\.0 MB, [\d.]+ [kMG]?B\/s$/);
    p.finish(true);
  });

  it('prints one line with size and time in CI mode, nothing otherwise', () => {
    const written: string[] = [];
    const ci = new TransferProgress('app:1', 'line', 'Pull', (l) => written.push(l));
    for (const e of events) ci.onEvent(e);
    ci.finish(true);
    expect(written).toEqual([expect.stringMatching(/^berth: Pulled app:1 \(1\.0 MB in \d+\.\d s\)\n$/)]);
    const quiet: string[] = [];
    const log = new TransferProgress('app:1', 'log', 'Pull', (l) => quiet.push(l));
    log.finish(true);
    const failed = new TransferProgress('app:1', 'line', 'Pull', (l) => quiet.push(l));
    failed.finish(false);
    expect(quiet).toEqual([]);
  });

  it.each([
    [999, '999 B'],
    [1_500, '1.5 kB'],
    [12_300_000, '12.3 MB'],
    [4_000_000_000, '4.0 GB'],
  ])('formats %d bytes as %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

describe('LiveDisplay', () => {
  it('redraws its block in place and leaves finished lines on screen', () => {
    let out = '';
    const display = new LiveDisplay({ columns: 80, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream);
    const a = { summary: () => 'pull a' };
    const b = { summary: () => 'pull b' };
    display.add(a);
    display.add(b);
    display.remove(a);
    display.remove(b);
    expect(out).toBe(
      '\x1b[2Kpull a\n' + // a drawn
        '\x1b[1A\x1b[2Kpull a\n\x1b[2Kpull b\n' + // b added: up 1, both drawn
        '\x1b[2A\x1b[2Kpull a\n\x1b[2Kpull b\n' + // a finished: drawn first, stays above
        '\x1b[1A\x1b[2Kpull b\n', // b finished
    );
  });
});
