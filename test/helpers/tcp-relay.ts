import net from 'node:net';

/**
 * A TCP relay in front of the SFU's media port (ICE over TCP), the twin of the UDP relay: the SFU
 * listens on `target` and announces the relay's address, so a test decides whether TCP gets through.
 */
export interface TcpRelay {
  /** Connections accepted so far. */
  readonly connections: number;
  /** The port it listens on (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

export async function startTcpRelay(listen: { host: string; port: number }, target: { host: string; port: number }): Promise<TcpRelay> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    get connections() {
      return connections;
    },
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
