import net from 'node:net';
import { registerWithRyuk, ryukFilterLine } from '../../../src/reaper/ryuk-client';

function fakeRyuk(answer: (line: string, socket: net.Socket) => void): Promise<{ server: net.Server; port: number; lines: string[] }> {
  const lines: string[] = [];
  const server = net.createServer((socket) => {
    socket.on('data', (d) => {
      for (const line of d.toString().split('\r\n').filter(Boolean)) {
        lines.push(line);
        answer(line, socket);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port, lines })));
}

const labels = { 'org.testcontainers.session-id': 'abc123' };

it('encodes the session filter in Ryuk line syntax', () => {
  expect(ryukFilterLine(labels)).toBe('label=org.testcontainers.session-id%3Dabc123\r\n');
});

it('sends the filter and resolves after the ACK, with an unref-ed socket', async () => {
  const ryuk = await fakeRyuk((_, s) => s.write('ACK\n'));
  const socket = await registerWithRyuk(labels, { host: '127.0.0.1', port: ryuk.port });
  expect(ryuk.lines).toEqual(['label=org.testcontainers.session-id%3Dabc123']);
  socket.destroy();
  ryuk.server.close();
});

it('rejects when Ryuk answers something else, or nothing', async () => {
  const wrong = await fakeRyuk((_, s) => s.write('NOPE\n'));
  await expect(registerWithRyuk(labels, { host: '127.0.0.1', port: wrong.port })).rejects.toThrow(/unexpected answer "NOPE"/);
  wrong.server.close();
  const silent = await fakeRyuk(() => undefined);
  await expect(registerWithRyuk(labels, { host: '127.0.0.1', port: silent.port, ackTimeoutMs: 200 })).rejects.toThrow(/no ACK/);
  silent.server.close();
});

it('retries the connection until Ryuk listens, then gives up', async () => {
  const probe = await fakeRyuk(() => undefined);
  const port = probe.port;
  await new Promise((resolve) => probe.server.close(resolve));
  await expect(registerWithRyuk(labels, { host: '127.0.0.1', port, connectTimeoutMs: 300, retryMs: 100 })).rejects.toThrow(/cannot connect to Ryuk/);
});
