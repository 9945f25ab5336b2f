/**
 * A byte-level GPT-2-style vocabulary for synthetic qwen2 models: ids 0–255 are the 256 byte
 * tokens in GPT-2's bytes-to-unicode form (space → `Ġ`, newline → `Ċ`), the ChatML specials sit at
 * the shape's ids, every other row is an unused `[PAD<id>]` token (as llama.cpp's converter pads
 * Qwen's vocabulary). No merges: text tokenises to one token per byte. Knows nothing about files.
 */

/** GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to U+0100 onwards. */
export function bytesToUnicode(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const out: string[] = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) out[b] = String.fromCodePoint(printable(b) ? b : 256 + n++);
  return out;
}

/** llama.cpp token types. */
export const TokenType = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface ByteVocab {
  readonly tokens: string[];
  readonly types: number[];
}

export function byteVocab(size: number, specials: { endOfText: number; imStart: number; imEnd: number }): ByteVocab {
  if (size < 259) throw new RangeError(`a byte-level vocabulary needs at least 259 rows, got ${size}`);
  const bytes = bytesToUnicode();
  const tokens: string[] = new Array(size);
  const types: number[] = new Array(size);
  for (let i = 0; i < size; i++) {
    tokens[i] = i < 256 ? (bytes[i] as string) : `[PAD${i}]`;
    types[i] = i < 256 ? TokenType.normal : TokenType.unused;
  }
  const named: [number, string][] = [[specials.endOfText, '<|endoftext|>'], [specials.imStart, '<|im_start|>'], [specials.imEnd, '<|im_end|>']];
  for (const [id, text] of named) {
    if (id < 256 || id >= size) throw new RangeError(`special token ${text} at id ${id} is outside 256..${size - 1}`);
    tokens[id] = text;
    types[id] = TokenType.control;
  }
  return { tokens, types };
}

/** ChatML, as Qwen2.5 uses it (without tool calls), with its default system prompt. */
export const CHATML_TEMPLATE =
  "{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}" +
  "{%- else %}{{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{%- endif %}" +
  "{%- for message in messages %}{%- if not (message.role == 'system' and loop.first) %}" +
  "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}{%- endif %}{%- endfor %}" +
  "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";
