/**
 * One direction of one air connection: ACL packets queued at the times the link model gives them
 * (airtime at the link rate after the previous packet, retransmissions, latency), delivered to the
 * receiving controller in order when due — start flag 00 from a host delivered as 10 — with one
 * Number of Completed Packets per batch back to the sender. One timer per direction, re-armed for
 * the head of the queue. Knows nothing about ranges or connection setup.
 */
import type { Rng, Scheduler } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { Controller } from './controller.ts';
import { AclPb, aclPacket, numCompletedPackets } from './h4.ts';
import { airtime, type LinkModel } from './link-model.ts';

interface Queued { readonly pb: number; readonly payload: Buffer; readonly at: Micros }

/** Deliver everything due within this much of now in one batch (timers fire late anyway). */
const SLACK: Micros = 500;

export class AclDirection {
  private busyUntil: Micros;
  private queue: Queued[] = [];
  private head = 0;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly scheduler: Scheduler,
    readonly from: Controller,
    private readonly fromHandle: number,
    readonly to: Controller,
    private readonly toHandle: number,
  ) {
    this.busyUntil = scheduler.now();
  }

  /** Queues one packet from the sending host (`pb` = its packet-boundary flag). */
  send(pb: number, payload: Buffer, model: LinkModel, rng: Rng | undefined): void {
    if (this.stopped) return;
    let retries = 0;
    while (model.loss > 0 && rng && rng.next() < model.loss && retries < 16) retries++;
    const start = Math.max(this.scheduler.now(), this.busyUntil);
    this.busyUntil = start + airtime(model, payload.length) * (1 + retries);
    this.queue.push({ pb, payload: Buffer.from(payload), at: Math.ceil(this.busyUntil + model.latency) });
    if (!this.cancelTimer) this.arm();
  }

  /** The connection is gone: queued packets are lost. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.queue = [];
    this.head = 0;
  }

  private arm(): void {
    const next = this.queue[this.head];
    if (!next) return;
    this.cancelTimer = this.scheduler.at(next.at, () => {
      this.cancelTimer = undefined;
      this.pump();
    });
  }

  private pump(): void {
    if (this.stopped) return;
    const due = this.scheduler.now() + SLACK;
    let n = 0;
    while (this.head < this.queue.length && this.queue[this.head]!.at <= due) {
      const q = this.queue[this.head++]!;
      this.to.send(aclPacket(this.toHandle, q.pb === AclPb.START_NON_FLUSHABLE ? AclPb.START : q.pb, q.payload));
      n++;
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (n > 0) this.from.send(numCompletedPackets(this.fromHandle, n));
    this.arm();
  }
}
