/** The loopback HTTP server every emulated service shares (AWS routes by X-Amz-Target / Action, not by path). */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Largest request body accepted; AWS's own limits for these read APIs are far below it. */
const MAX_BODY_BYTES = 1_048_576;

export function listen(handler: RequestHandler, options: { readonly host: string; readonly port: number }): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!res.headersSent) handler(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://${options.host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // SDK clients keep connections alive; drop them so close() does not wait for their idle timeout.
            server.closeAllConnections();
          }),
      });
    });
  });
}
