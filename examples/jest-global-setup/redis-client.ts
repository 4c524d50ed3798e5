import net from 'node:net';

/** Sends one inline command to redis at REDIS_HOST:REDIS_PORT and resolves with the first reply line. */
export function redisCommand(...args: string[]): Promise<string> {
  const host = process.env['REDIS_HOST'] ?? 'localhost';
  const port = Number(process.env['REDIS_PORT']);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => socket.write(`${args.join(' ')}\r\n`));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}
