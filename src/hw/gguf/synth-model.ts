/**
 * `gossip model synth`: writes a qwen2-architecture GGUF with random weights and a byte-level
 * vocabulary, in a given shape and quantisation, deterministically from a seed. Matrices are
 * random in the chosen type (std 0.02); norm weights are 1; biases are small seeded values that
 * depend on the seed but not on the quantisation, so the Q8_0 and Q4_0 files of one seed share a
 * base-model id (as the real quantisations of one model do) while other seeds do not.
 * Knows nothing about llama.cpp or adapters.
 */
import { GgmlType } from './ggml-types.ts';
import { gv, type GgufValue } from './gguf-value.ts';
import { writeGguf, type TensorSource } from './gguf-writer.ts';
import { byteVocab, CHATML_TEMPLATE } from './byte-vocab.ts';
import { QWEN2_SHAPES, qwen2Tensors, RMS_EPSILON, ROPE_FREQ_BASE, type ShapeName } from './qwen2-shapes.ts';
import { f32Fill, randomTensorFill, seededBytes, uniformValues } from './random-weights.ts';

export type QuantName = 'f32' | 'f16' | 'q8_0' | 'q4_0';
export const QUANT_NAMES: readonly QuantName[] = ['f32', 'f16', 'q8_0', 'q4_0'];

const QUANT: Record<QuantName, { type: number; fileType: number }> = {
  f32: { type: GgmlType.F32, fileType: 0 },
  f16: { type: GgmlType.F16, fileType: 1 },
  q4_0: { type: GgmlType.Q4_0, fileType: 2 },
  q8_0: { type: GgmlType.Q8_0, fileType: 7 },
};

export const WEIGHT_SIGMA = 0.02;

export interface SynthModelOptions {
  readonly shape: ShapeName;
  readonly quant: QuantName;
  readonly seed: string;
  readonly out: string;
}

export interface SynthModelResult {
  readonly bytes: number;
  readonly tensors: number;
  readonly parameters: number;
}

export function qwen2Metadata(shape: ShapeName, quant: QuantName, seed: string): [string, GgufValue][] {
  const s = QWEN2_SHAPES[shape];
  const vocab = byteVocab(s.vocab, s.specials);
  return [
    ['general.architecture', gv.str('qwen2')],
    ['general.type', gv.str('model')],
    ['general.name', gv.str(`synthetic ${shape} ${quant} (random weights, seed ${seed})`)],
    ['general.file_type', gv.u32(QUANT[quant].fileType)],
    ['general.quantization_version', gv.u32(2)],
    ['qwen2.block_count', gv.u32(s.layers)],
    ['qwen2.context_length', gv.u32(s.context)],
    ['qwen2.embedding_length', gv.u32(s.hidden)],
    ['qwen2.feed_forward_length', gv.u32(s.ffn)],
    ['qwen2.attention.head_count', gv.u32(s.heads)],
    ['qwen2.attention.head_count_kv', gv.u32(s.kvHeads)],
    ['qwen2.rope.freq_base', gv.f32(ROPE_FREQ_BASE)],
    ['qwen2.attention.layer_norm_rms_epsilon', gv.f32(RMS_EPSILON)],
    ['tokenizer.ggml.model', gv.str('gpt2')],
    ['tokenizer.ggml.pre', gv.str('qwen2')],
    ['tokenizer.ggml.tokens', gv.strings(vocab.tokens)],
    ['tokenizer.ggml.token_type', gv.i32s(vocab.types)],
    ['tokenizer.ggml.merges', gv.strings([])],
    ['tokenizer.ggml.bos_token_id', gv.u32(s.specials.endOfText)],
    ['tokenizer.ggml.eos_token_id', gv.u32(s.specials.imEnd)],
    ['tokenizer.ggml.padding_token_id', gv.u32(s.specials.endOfText)],
    ['tokenizer.ggml.add_bos_token', gv.bool(false)],
    ['tokenizer.chat_template', gv.str(CHATML_TEMPLATE)],
    ['gossip.synthetic.shape', gv.str(shape)],
    ['gossip.synthetic.seed', gv.str(seed)],
  ];
}

export function synthModel(o: SynthModelOptions): SynthModelResult {
  const s = QWEN2_SHAPES[o.shape];
  const type = QUANT[o.quant].type;
  let parameters = 0;
  const tensors: TensorSource[] = qwen2Tensors(s).map((t) => {
    const n = t.ne.reduce((a, b) => a * b, 1);
    parameters += n;
    if (t.role === 'matrix') {
      return { name: t.name, ne: t.ne, type, fill: randomTensorFill(type, WEIGHT_SIGMA, seededBytes(o.seed, `${o.quant}/${t.name}`)) };
    }
    const values = t.role === 'norm' ? new Float32Array(n).fill(1) : uniformValues(seededBytes(o.seed, `bias/${t.name}`), n, WEIGHT_SIGMA);
    return { name: t.name, ne: t.ne, type: GgmlType.F32, fill: f32Fill(values) };
  });
  const bytes = writeGguf(o.out, qwen2Metadata(o.shape, o.quant, o.seed), tensors);
  return { bytes, tensors: tensors.length, parameters };
}
