import { FrameDemuxer, LineSplitter, type OutputLine } from '../../../src/engine/demux';
import { parseLogPayload } from '../../../src/engine/logs';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('demuxing into lines per stream', () => {
  it('never joins a partial stdout line with stderr output', () => {
    const payload = Buffer.concat([frame(1, 'out-a'), frame(2, 'err-1\n'), frame(1, 'out-b\nnext'), frame(2, 'err-2\n')]);
    expect(parseLogPayload(payload, false)).toEqual([
      { stream: 'stderr', text: 'err-1' },
      { stream: 'stdout', text: 'out-aout-b' },
      { stream: 'stderr', text: 'err-2' },
      { stream: 'stdout', text: 'next' },
    ]);
  });

  it('handles frames and UTF-8 characters split across chunks, and CRLF', () => {
    const lines: OutputLine[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    const demuxer = new FrameDemuxer((s, d) => splitter.push(s, d));
    const all = Buffer.concat([frame(1, 'héllo\r\n'), frame(2, 'wörld\n')]);
    for (let i = 0; i < all.length; i += 3) demuxer.push(all.subarray(i, i + 3));
    splitter.flush();
    expect(lines).toEqual([
      { stream: 'stdout', text: 'héllo' },
      { stream: 'stderr', text: 'wörld' },
    ]);
  });

  it('treats a TTY log as one raw stdout stream', () => {
    expect(parseLogPayload(Buffer.from('a\nb'), true)).toEqual([
      { stream: 'stdout', text: 'a' },
      { stream: 'stdout', text: 'b' },
    ]);
  });
});
