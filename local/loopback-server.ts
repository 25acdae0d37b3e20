import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on 127.0.0.1 only (never on every interface): the local runtime is not reachable from the network. */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // Keep-alive connections of SDK clients would hold close() open; drop idle ones now.
    (server as Server & { closeIdleConnections?: () => void }).closeIdleConnections?.();
    server.close((err?: Error) => (err && (err as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(err) : resolve()));
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}
