/**
 * One host's update under The ONE's EpidemicRouter with a FIFO send queue: finish or abort its own
 * transfer, then (if idle, holding messages and linked) offer messages for a neighbour first,
 * then pull messages meant for itself from idle neighbours, then offer everything else, link by
 * link in opened order. Stops at the first accepted offer. Message bit sets let a step that can
 * only fail be skipped without walking the buffers. Knows nothing about the clock loop.
 */
import { hasBit } from './bits.ts';
import { RCV_OK } from './world.ts';
import type { Copy, Link, OneWorld } from './world.ts';

/** Runs host `h`'s update at clock `now`. `scratch` holds `w.words` words. */
export function updateHost(w: OneWorld, h: number, now: number, scratch: Uint32Array): void {
  const t = w.sending[h] as OneWorld['sending'][number];
  if (t !== null) {
    // The ONE: remaining = (int)((done - now) * speed); complete when it is ≤ 0.
    if ((t.done - now) * t.link.speed < 1) w.finishTransfer(t, now);
    else if (!t.link.up) w.abortTransfer(t, now);
    else return;
  }
  if (w.busy(h) || (w.buffers[h] as Copy[]).length === 0 || (w.links[h] as Link[]).length === 0) return;
  if (!anyOfferPossible(w, h)) return;
  // Each step is its own function: they become hot at different times in a run, and separate
  // functions keep one step's first use from deoptimizing the others.
  if (offerToDestinations(w, h, now, scratch)) return;
  if (pullFromNeighbours(w, h, now, scratch)) return;
  offerToNeighbours(w, h, now, scratch);
}

/**
 * Whether some idle neighbour lacks one of `h`'s messages, or holds one meant for `h` that `h`
 * has not seen: the union of what steps 1–3 could offer. Usually false once a message has spread,
 * and then one pass over the links replaces all three steps.
 */
function anyOfferPossible(w: OneWorld, h: number): boolean {
  const links = w.links[h] as Link[];
  const W = w.words;
  const hb = h * W;
  const { inBuffer, seen, destinedTo } = w;
  for (let k = 0; k < links.length; k++) {
    const link = links[k] as Link;
    const n = link.a === h ? link.b : link.a;
    if (w.busy(n)) continue;
    const nb = n * W;
    for (let i = 0; i < W; i++) {
      const push = (inBuffer[hb + i] as number) & ~(seen[nb + i] as number);
      const pull = (inBuffer[nb + i] as number) & (destinedTo[hb + i] as number) & ~(seen[hb + i] as number);
      if ((push | pull) !== 0) return true;
    }
  }
  return false;
}

/** 1. Messages whose final destination is an idle neighbour that has not seen them, oldest first. */
function offerToDestinations(w: OneWorld, h: number, now: number, scratch: Uint32Array): boolean {
  const links = w.links[h] as Link[];
  const W = w.words;
  const hb = h * W;
  const { inBuffer, seen, destinedTo } = w;
  let any = 0;
  for (let i = 0; i < W; i++) scratch[i] = 0;
  for (let k = 0; k < links.length; k++) {
    const link = links[k] as Link;
    const n = link.a === h ? link.b : link.a;
    if (w.busy(n)) continue;
    const nb = n * W;
    for (let i = 0; i < W; i++) {
      const c = (inBuffer[hb + i] as number) & (destinedTo[nb + i] as number) & ~(seen[nb + i] as number);
      scratch[i] = (scratch[i] as number) | c;
      any |= c;
    }
  }
  if (any === 0) return false;
  const fifo = w.fifo(h);
  for (let i = 0; i < fifo.length; i++) {
    const c = fifo[i] as Copy;
    if (!hasBit(scratch, 0, c.msg)) continue;
    const to = w.msgTo[c.msg] as number;
    if (w.receiverCheck(to, c.msg) === RCV_OK) {
      w.startTransfer(h, to, linkTo(links, h, to), c, now);
      return true;
    }
  }
  return false;
}

/** 2. Ask each idle neighbour for messages meant for this host (its buffer in storage order). */
function pullFromNeighbours(w: OneWorld, h: number, now: number, scratch: Uint32Array): boolean {
  const links = w.links[h] as Link[];
  const W = w.words;
  const hb = h * W;
  for (let k = 0; k < links.length; k++) {
    const link = links[k] as Link;
    const n = link.a === h ? link.b : link.a;
    if (w.busy(n)) continue;
    if (!fillCandidates(scratch, W, w.inBuffer, n * W, w.destinedTo, hb, w.seen, hb)) continue;
    const nbuf = w.buffers[n] as Copy[];
    for (let i = 0; i < nbuf.length; i++) {
      const c = nbuf[i] as Copy;
      if (hasBit(scratch, 0, c.msg) && w.receiverCheck(h, c.msg) === RCV_OK) {
        w.startTransfer(n, h, link, c, now);
        return true;
      }
    }
  }
  return false;
}

/** 3. Everything else: each idle neighbour in link order, the first message it has not seen, oldest first. */
function offerToNeighbours(w: OneWorld, h: number, now: number, scratch: Uint32Array): boolean {
  const links = w.links[h] as Link[];
  const W = w.words;
  const hb = h * W;
  for (let k = 0; k < links.length; k++) {
    const link = links[k] as Link;
    const n = link.a === h ? link.b : link.a;
    if (w.busy(n)) continue;
    if (!fillCandidates(scratch, W, w.inBuffer, hb, null, 0, w.seen, n * W)) continue;
    const fifo = w.fifo(h);
    for (let i = 0; i < fifo.length; i++) {
      const c = fifo[i] as Copy;
      if (hasBit(scratch, 0, c.msg) && w.receiverCheck(n, c.msg) === RCV_OK) {
        w.startTransfer(h, n, link, c, now);
        return true;
      }
    }
  }
  return false;
}

/** scratch = held[heldBase] & (dest ? dest[destBase] : all) & ~seen[seenBase]; true when not empty. */
function fillCandidates(
  scratch: Uint32Array, W: number, held: Uint32Array, heldBase: number,
  dest: Uint32Array | null, destBase: number, seen: Uint32Array, seenBase: number,
): boolean {
  let any = 0;
  for (let i = 0; i < W; i++) {
    let c = (held[heldBase + i] as number) & ~(seen[seenBase + i] as number);
    if (dest !== null) c &= dest[destBase + i] as number;
    scratch[i] = c;
    any |= c;
  }
  return any !== 0;
}

function linkTo(links: readonly Link[], h: number, n: number): Link {
  for (let i = 0; i < links.length; i++) {
    const l = links[i] as Link;
    if ((l.a === h ? l.b : l.a) === n) return l;
  }
  throw new Error(`internal: no link ${h}-${n}`);
}
