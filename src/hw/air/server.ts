/**
 * The air server: one `Air` in this process that many processes attach to over a unix socket
 * (one node per process, since bleno is a singleton). Each connection is one bound HCI socket of
 * a remote host: a JSON hello `{node, devId}`, then H4 packets both ways (frames.ts). A closed
 * connection detaches its controller. Knows nothing about GATT or sessions.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import type { Air } from './air.ts';
import type { Controller } from './controller.ts';
import { frame, FrameReader, type AirHello } from './frames.ts';

export interface AirServer {
  readonly path: string;
  /** Connected hosts right now. */
  connections(): number;
  close(): Promise<void>;
}

function parseHello(body: Buffer): AirHello | undefined {
  try {
    const h = JSON.parse(body.toString('utf8')) as Partial<AirHello>;
    if (typeof h.node === 'string' && h.node.length > 0 && Number.isInteger(h.devId)) return { node: h.node, devId: h.devId! };
  } catch {
    // not JSON
  }
  return undefined;
}

function serve(air: Air, socket: Socket, sockets: Set<Socket>): void {
  sockets.add(socket);
  const reader = new FrameReader();
  let controller: Controller | undefined;
  const end = () => {
    sockets.delete(socket);
    if (controller) air.detach(controller);
    controller = undefined;
  };
  socket.on('data', (chunk) => {
    try {
      reader.push(chunk, (body) => {
        if (controller) return controller.write(body);
        const hello = parseHello(body);
        if (!hello) throw new Error('bad hello');
        controller = air.attach(hello.node, (p) => { if (!socket.destroyed) socket.write(frame(p)); });
      });
    } catch {
      socket.destroy();
    }
  });
  socket.on('close', end);
  socket.on('error', end);
}

/** Listens on `path` (a stale socket file there is removed first). */
export function startAirServer(air: Air, path: string): Promise<AirServer> {
  rmSync(path, { force: true });
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => serve(air, s, sockets));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve({
        path,
        connections: () => sockets.size,
        close: () => new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => {
            rmSync(path, { force: true });
            done();
          });
        }),
      });
    });
  });
}
