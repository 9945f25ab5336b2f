/**
 * One end of a packet link as the hardware drivers see it: the core's `Link` port (mtu, send,
 * close) plus what a driver needs back from the link — incoming packets, the end of the link, and
 * how many bytes are still waiting to go out (back-pressure). Implemented by the BLE central and
 * peripheral connections and by the in-memory pair; all of them pass test/ble/link-compliance.
 *
 * Contract: packets arrive whole, in order, each at most `mtu` bytes (`send` throws a RangeError
 * for a larger one); `onClose` fires exactly once on each end, whoever closed; nothing is
 * delivered after it; `send` after close is a silent no-op.
 */
import type { Link } from '../../core/ports.ts';

export interface LinkEndpoint extends Link {
  /** Bytes accepted by `send` and not yet handed to the radio (0 when the stack cannot tell). */
  readonly bufferedAmount: number;
  readonly closed: boolean;
  onPacket: ((packet: Uint8Array) => void) | undefined;
  onClose: ((reason: string) => void) | undefined;
}

export function checkPacket(packet: Uint8Array, mtu: number): void {
  if (packet.length > mtu) throw new RangeError(`packet of ${packet.length} bytes exceeds the link mtu ${mtu}`);
}
