/**
 * The client side of the air server: an `AirConnector` whose every `open` is one unix-socket
 * connection to the server, announcing this process's node label and the device id. Writes made
 * before the socket connects are buffered by the socket. If the server goes away, the host sees
 * its device go down.
 */
import { createConnection } from 'node:net';
import type { AirConnector } from './connector.ts';
import { frame, FrameReader, type AirHello } from './frames.ts';

export function remoteConnector(path: string, node: string | ((devId: number) => string), devices: readonly number[] = [0]): AirConnector {
  const nodeOf = typeof node === 'function' ? node : () => node;
  return {
    devices: () => devices,
    open(devId, onPacket, onClose) {
      const socket = createConnection(path);
      const reader = new FrameReader();
      const hello: AirHello = { node: nodeOf(devId), devId };
      socket.write(frame(Buffer.from(JSON.stringify(hello))));
      socket.on('data', (chunk) => {
        try {
          reader.push(chunk, onPacket);
        } catch {
          socket.destroy();
        }
      });
      let closed = false;
      const end = () => {
        if (closed) return;
        closed = true;
        onClose();
      };
      socket.on('close', end);
      socket.on('error', end);
      return {
        write: (p) => { if (!socket.destroyed) socket.write(frame(p)); },
        close: () => socket.destroy(),
      };
    },
  };
}
