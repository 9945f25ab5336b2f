/**
 * Matrix layout and the LoRA factor types shared by src/merge. Everything here is row-major in
 * document order: a matrix [rows × cols] stores row i at `i * cols`. A LoRA pair for a weight
 * W [out × in] (y = W x) is A [r × in] and B [out × r], and the weight delta it stands for is
 * ΔW = scale · B · A with scale = alpha / r (llama.cpp: alpha 0 or absent means scale 1).
 *
 * GGUF stores dimensions fastest-first (`ne[0]` is the contiguous one), so the same bytes read as
 * `lora_a` ne = [in, r] and `lora_b` ne = [r, out]: the row-major document matrices above, with no
 * transpose (see /work/shared/design/llm.md). Knows nothing about files or merge methods.
 */

/** One LoRA pair in document layout. */
export interface LoraFactors {
  /** A, [rank × inDim] row-major. */
  readonly a: Float32Array;
  /** B, [outDim × rank] row-major. */
  readonly b: Float32Array;
  readonly rank: number;
  readonly inDim: number;
  readonly outDim: number;
  /** alpha / rank (1 when the adapter has no alpha). */
  readonly scale: number;
}

/** The scale llama.cpp applies for an adapter `alpha` and a pair of rank `rank`. */
export function loraScale(alpha: number | undefined, rank: number): number {
  return alpha === undefined || alpha === 0 ? 1 : alpha / rank;
}

/** Checks that factor arrays have the lengths their dimensions say. */
export function checkFactors(f: LoraFactors, what: string): void {
  if (f.a.length !== f.rank * f.inDim) throw new RangeError(`${what}: A has ${f.a.length} values, expected ${f.rank} × ${f.inDim}`);
  if (f.b.length !== f.outDim * f.rank) throw new RangeError(`${what}: B has ${f.b.length} values, expected ${f.outDim} × ${f.rank}`);
}

/** GGUF `ne` of the A and B tensors of a pair (ne[0] fastest). */
export function factorNe(f: { rank: number; inDim: number; outDim: number }): { a: [number, number]; b: [number, number] } {
  return { a: [f.inDim, f.rank], b: [f.rank, f.outDim] };
}
