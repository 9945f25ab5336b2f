/**
 * The kernel's priority queue: a binary min-heap of events ordered by (time, priority, seq). The heap
 * keeps its sort keys inline in parallel typed arrays (time, and priority+seq packed into one exact
 * float64) so that sifting touches contiguous memory and allocates nothing; callbacks and labels sit
 * in slot arrays the heap points to. Cancellation is lazy: a cancelled slot stays in the heap and is
 * skipped when it surfaces. Owns only ordering and slot bookkeeping; knows nothing about what an
 * event does or about time units.
 *
 * A handle is `slot + generation * SLOT_LIMIT`: a slot is reused once its event has run or been
 * cancelled, and the generation makes an old handle to a reused slot harmless.
 * (Measured against a heap of small objects: 2-5x faster, see bench/kernel.ts.)
 */

/** Handles name at most this many simultaneously pending events. */
const SLOT_LIMIT = 2 ** 24;
const GENERATIONS = 2 ** 28;
/** priority + PRIORITY_OFFSET lies in [0, 1024) and is multiplied by SEQ_LIMIT: the packed key stays < 2^53. */
const PRIORITY_OFFSET = 512;
const SEQ_LIMIT = 2 ** 43;

export type EventCallback = () => void;

/** Opaque reference to a scheduled event (for `cancel`). */
export type EventHandle = number & { readonly __eventHandle: unique symbol };

/** Smallest and largest accepted priority (integers). */
export const MIN_PRIORITY = -PRIORITY_OFFSET;
export const MAX_PRIORITY = PRIORITY_OFFSET - 1;

export class EventQueue {
  // heap, keys inline
  private hTime = new Float64Array(256);
  private hKey = new Float64Array(256);
  private hSlot = new Int32Array(256);
  private heapSize = 0;
  // slots
  private fns: (EventCallback | null)[] = [];
  private labels: (string | undefined)[] = [];
  private gen = new Uint32Array(256);
  private free = new Int32Array(256);
  private freeSize = 0;
  private nextSeq = 0;
  private live = 0;
  /** Slot and time of the last `pop`. */
  private popped = -1;
  private poppedTime = 0;

  /** Number of pending (scheduled, not yet run, not cancelled) events. */
  get size(): number {
    return this.live;
  }

  push(at: number, priority: number, fn: EventCallback, label: string | undefined): EventHandle {
    if (!(priority >= MIN_PRIORITY && priority <= MAX_PRIORITY) || !Number.isInteger(priority)) {
      throw new RangeError(`event priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`);
    }
    if (this.nextSeq >= SEQ_LIMIT) throw new RangeError(`event queue: more than ${SEQ_LIMIT} events scheduled`);
    const slot = this.allocSlot();
    this.fns[slot] = fn;
    this.labels[slot] = label;
    const key = (priority + PRIORITY_OFFSET) * SEQ_LIMIT + this.nextSeq++;
    if (this.heapSize === this.hTime.length) this.growHeap();
    // sift up
    const T = this.hTime;
    const K = this.hKey;
    const S = this.hSlot;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p] as number;
      if (pt < at || (pt === at && (K[p] as number) < key)) break;
      T[i] = pt;
      K[i] = K[p] as number;
      S[i] = S[p] as number;
      i = p;
    }
    T[i] = at;
    K[i] = key;
    S[i] = slot;
    this.live++;
    return (slot + (this.gen[slot] as number) * SLOT_LIMIT) as EventHandle;
  }

  /** Cancels a pending event; returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    const generation = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.fns.length || this.gen[slot] !== generation || this.fns[slot] === null) return false;
    this.fns[slot] = null;
    this.labels[slot] = undefined;
    this.live--;
    return true;
  }

  /** Time of the earliest pending event, or Infinity when there is none. */
  peekTime(): number {
    this.dropCancelledHead();
    return this.heapSize === 0 ? Infinity : (this.hTime[0] as number);
  }

  /**
   * Removes the earliest pending event. Returns false when the queue is empty; otherwise read it
   * with `lastTime`, `lastLabel`, `takePopped`, then `releasePopped` before the next pop.
   */
  pop(): boolean {
    this.dropCancelledHead();
    if (this.heapSize === 0) return false;
    this.poppedTime = this.hTime[0] as number;
    this.popped = this.removeHead();
    this.live--;
    return true;
  }

  get lastTime(): number {
    return this.poppedTime;
  }

  /** Label of the popped event (valid until `releasePopped`). */
  get lastLabel(): string | undefined {
    return this.labels[this.popped];
  }

  /**
   * Takes the callback of the popped event. Its slot stays reserved (so a `cancel` of the running
   * event is a no-op) until `releasePopped`.
   */
  takePopped(): EventCallback {
    const fn = this.fns[this.popped] as EventCallback;
    this.fns[this.popped] = null;
    return fn;
  }

  /** Frees the popped event's slot. */
  releasePopped(): void {
    this.release(this.popped);
  }

  private dropCancelledHead(): void {
    while (this.heapSize > 0 && this.fns[this.hSlot[0] as number] === null) this.release(this.removeHead());
  }

  /** Removes the heap's root and returns its slot. */
  private removeHead(): number {
    const T = this.hTime;
    const K = this.hKey;
    const S = this.hSlot;
    const top = S[0] as number;
    const n = --this.heapSize;
    if (n === 0) return top;
    const lt = T[n] as number;
    const lk = K[n] as number;
    const ls = S[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const rt = T[r] as number;
        const ct = T[c] as number;
        if (rt < ct || (rt === ct && (K[r] as number) < (K[c] as number))) c = r;
      }
      const ct = T[c] as number;
      if (ct > lt || (ct === lt && (K[c] as number) > lk)) break;
      T[i] = ct;
      K[i] = K[c] as number;
      S[i] = S[c] as number;
      i = c;
    }
    T[i] = lt;
    K[i] = lk;
    S[i] = ls;
    return top;
  }

  private allocSlot(): number {
    if (this.freeSize > 0) return this.free[--this.freeSize] as number;
    const slot = this.fns.length;
    if (slot >= SLOT_LIMIT) throw new RangeError(`event queue: more than ${SLOT_LIMIT} pending events`);
    if (slot === this.gen.length) this.gen = grow(this.gen);
    this.fns.push(null);
    this.labels.push(undefined);
    return slot;
  }

  private release(slot: number): void {
    this.fns[slot] = null;
    this.labels[slot] = undefined;
    this.gen[slot] = ((this.gen[slot] as number) + 1) % GENERATIONS;
    if (this.freeSize === this.free.length) this.free = grow(this.free);
    this.free[this.freeSize++] = slot;
  }

  private growHeap(): void {
    this.hTime = grow(this.hTime);
    this.hKey = grow(this.hKey);
    this.hSlot = grow(this.hSlot);
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}
