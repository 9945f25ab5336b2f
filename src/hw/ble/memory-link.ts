/**
 * An in-memory packet link between two `LinkEndpoint`s of one process: asynchronous, ordered,
 * lossless delivery (one batch per event-loop turn), an optional byte rate for back-pressure
 * tests, and closing that reaches both ends. The reference implementation of the link contract;
 * used by driver unit tests and the link compliance suite. Knows nothing about sessions.
 */
import { checkPacket, type LinkEndpoint } from './link-endpoint.ts';

export interface MemoryLinkOptions {
  readonly mtu?: number;
  /** Bytes per second per direction (default: unlimited). */
  readonly rate?: number;
}

class MemoryEnd implements LinkEndpoint {
  onPacket: ((packet: Uint8Array) => void) | undefined;
  onClose: ((reason: string) => void) | undefined;
  peer!: MemoryEnd;
  closed = false;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private scheduled = false;

  constructor(readonly mtu: number, private readonly rate: number) {}

  get bufferedAmount(): number {
    return this.queued;
  }

  send(packet: Uint8Array): void {
    checkPacket(packet, this.mtu);
    if (this.closed) return;
    this.queue.push(packet.slice());
    this.queued += packet.length;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const delay = this.rate === Infinity ? 0 : Math.max(1, (Math.min(this.queued, this.rate / 100) * 1000) / this.rate);
    if (delay === 0) setImmediate(() => this.flush(Infinity));
    else setTimeout(() => this.flush(Math.ceil(this.rate * delay / 1000)), delay);
  }

  private flush(budget: number): void {
    this.scheduled = false;
    let sent = 0;
    while (this.queue.length > 0 && !this.closed && sent < budget) {
      const p = this.queue.shift()!;
      this.queued -= p.length;
      sent += p.length;
      if (!this.peer.closed) this.peer.onPacket?.(p);
    }
    if (this.queue.length > 0 && !this.closed) this.schedule();
  }

  close(reason: string): void {
    if (this.closed) return;
    this.end(reason);
    this.peer.end(reason);
  }

  end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.queued = 0;
    setImmediate(() => this.onClose?.(reason));
  }
}

export function memoryLinkPair(options: MemoryLinkOptions = {}): [LinkEndpoint, LinkEndpoint] {
  const mtu = options.mtu ?? 244;
  const rate = options.rate ?? Infinity;
  const a = new MemoryEnd(mtu, rate);
  const b = new MemoryEnd(mtu, rate);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
