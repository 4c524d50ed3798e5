import { connect } from 'node:net';

/** Sends one command to a Redis server over TCP (RESP) and resolves the raw reply. No client library. */
export function respCommand(host: string, port: number, args: string[]): Promise<string> {
  const payload = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = '';
    socket.setTimeout(5000, () => socket.destroy(new Error('no reply within 5 s')));
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.endsWith('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(reply.trim()));
    socket.on('error', reject);
  });
}
