/**
 * Shapes of the qwen2-architecture models the project synthesises: a tiny one for fast tests and
 * the exact shapes of Qwen2.5-0.5B and -1.5B (layers, widths, heads, vocabulary of 151,936 rows
 * with `<|endoftext|>`, `<|im_start|>`, `<|im_end|>` at Qwen's ids 151643–151645, tied output), so
 * llama.cpp's timings on them are the real models' timings. Also the tensor list of a shape
 * (GGUF names, ne[0] = input dimension) and the LoRA target names. Knows nothing about files.
 */

export interface Qwen2Shape {
  readonly name: ShapeName;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly ffn: number;
  readonly vocab: number;
  readonly context: number;
  /** Output projection shares token_embd (Qwen2.5-0.5B/1.5B); false adds output.weight. */
  readonly tiedOutput: boolean;
  /** Token ids of <|endoftext|>, <|im_start|>, <|im_end|>. */
  readonly specials: { readonly endOfText: number; readonly imStart: number; readonly imEnd: number };
}

export type ShapeName = 'tiny' | 'qwen2.5-0.5b' | 'qwen2.5-1.5b';
export const SHAPE_NAMES: readonly ShapeName[] = ['tiny', 'qwen2.5-0.5b', 'qwen2.5-1.5b'];

const QWEN_SPECIALS = { endOfText: 151643, imStart: 151644, imEnd: 151645 } as const;

export const QWEN2_SHAPES: Readonly<Record<ShapeName, Qwen2Shape>> = {
  tiny: { name: 'tiny', layers: 2, hidden: 64, heads: 4, kvHeads: 2, ffn: 128, vocab: 259, context: 512, tiedOutput: false, specials: { endOfText: 256, imStart: 257, imEnd: 258 } },
  'qwen2.5-0.5b': { name: 'qwen2.5-0.5b', layers: 24, hidden: 896, heads: 14, kvHeads: 2, ffn: 4864, vocab: 151936, context: 32768, tiedOutput: true, specials: QWEN_SPECIALS },
  'qwen2.5-1.5b': { name: 'qwen2.5-1.5b', layers: 28, hidden: 1536, heads: 12, kvHeads: 2, ffn: 8960, vocab: 151936, context: 32768, tiedOutput: true, specials: QWEN_SPECIALS },
};

export const ROPE_FREQ_BASE = 1_000_000;
export const RMS_EPSILON = 1e-6;

export type TensorRole = 'matrix' | 'norm' | 'bias';
export interface ShapeTensor {
  readonly name: string;
  readonly ne: readonly number[];
  readonly role: TensorRole;
}

/** Every tensor of a qwen2 model of this shape (with a tied output there is no output.weight). */
export function qwen2Tensors(s: Qwen2Shape): ShapeTensor[] {
  const E = s.hidden;
  const G = (E / s.heads) * s.kvHeads;
  const F = s.ffn;
  const out: ShapeTensor[] = [{ name: 'token_embd.weight', ne: [E, s.vocab], role: 'matrix' }];
  for (let i = 0; i < s.layers; i++) {
    const p = `blk.${i}.`;
    out.push(
      { name: `${p}attn_norm.weight`, ne: [E], role: 'norm' },
      { name: `${p}attn_q.weight`, ne: [E, E], role: 'matrix' },
      { name: `${p}attn_q.bias`, ne: [E], role: 'bias' },
      { name: `${p}attn_k.weight`, ne: [E, G], role: 'matrix' },
      { name: `${p}attn_k.bias`, ne: [G], role: 'bias' },
      { name: `${p}attn_v.weight`, ne: [E, G], role: 'matrix' },
      { name: `${p}attn_v.bias`, ne: [G], role: 'bias' },
      { name: `${p}attn_output.weight`, ne: [E, E], role: 'matrix' },
      { name: `${p}ffn_norm.weight`, ne: [E], role: 'norm' },
      { name: `${p}ffn_gate.weight`, ne: [E, F], role: 'matrix' },
      { name: `${p}ffn_up.weight`, ne: [E, F], role: 'matrix' },
      { name: `${p}ffn_down.weight`, ne: [F, E], role: 'matrix' },
    );
  }
  out.push({ name: 'output_norm.weight', ne: [E], role: 'norm' });
  if (!s.tiedOutput) out.push({ name: 'output.weight', ne: [E, s.vocab], role: 'matrix' });
  return out;
}

/** LoRA targets by their short name (as in PEFT's `q_proj`… without the suffix) → GGUF tensor stem. */
export const LORA_TARGETS = {
  q: 'attn_q', k: 'attn_k', v: 'attn_v', o: 'attn_output', gate: 'ffn_gate', up: 'ffn_up', down: 'ffn_down',
} as const;
export type LoraTarget = keyof typeof LORA_TARGETS;
export const ALL_LORA_TARGETS = Object.keys(LORA_TARGETS) as LoraTarget[];
