/**
 * ggml tensor types as GGUF stores them: numeric ids, names, and the block layout (elements per
 * block, bytes per block) needed to know how many bytes a tensor occupies. The table mirrors
 * ggml's `type_traits` (ggml.c) for every type a current GGUF file can hold; removed ids
 * (4, 5, 31–33, 36–38) are absent, so a file using them is reported as unsupported.
 * Knows nothing about files, metadata or models.
 */

export const GgmlType = {
  F32: 0, F16: 1, Q4_0: 2, Q4_1: 3, Q5_0: 6, Q5_1: 7, Q8_0: 8, Q8_1: 9,
  Q2_K: 10, Q3_K: 11, Q4_K: 12, Q5_K: 13, Q6_K: 14, Q8_K: 15,
  IQ2_XXS: 16, IQ2_XS: 17, IQ3_XXS: 18, IQ1_S: 19, IQ4_NL: 20, IQ3_S: 21, IQ2_S: 22, IQ4_XS: 23,
  I8: 24, I16: 25, I32: 26, I64: 27, F64: 28, IQ1_M: 29, BF16: 30, TQ1_0: 34, TQ2_0: 35, MXFP4: 39,
} as const;
export type GgmlTypeName = keyof typeof GgmlType;
export type GgmlTypeId = (typeof GgmlType)[GgmlTypeName];

interface Layout {
  readonly name: GgmlTypeName;
  /** Elements per block. */
  readonly block: number;
  /** Bytes per block. */
  readonly bytes: number;
}

const LAYOUTS: ReadonlyMap<number, Layout> = new Map(
  ([
    ['F32', 1, 4], ['F16', 1, 2], ['Q4_0', 32, 18], ['Q4_1', 32, 20], ['Q5_0', 32, 22], ['Q5_1', 32, 24],
    ['Q8_0', 32, 34], ['Q8_1', 32, 36], ['Q2_K', 256, 84], ['Q3_K', 256, 110], ['Q4_K', 256, 144],
    ['Q5_K', 256, 176], ['Q6_K', 256, 210], ['Q8_K', 256, 292], ['IQ2_XXS', 256, 66], ['IQ2_XS', 256, 74],
    ['IQ3_XXS', 256, 98], ['IQ1_S', 256, 50], ['IQ4_NL', 32, 18], ['IQ3_S', 256, 110], ['IQ2_S', 256, 82],
    ['IQ4_XS', 256, 136], ['I8', 1, 1], ['I16', 1, 2], ['I32', 1, 4], ['I64', 1, 8], ['F64', 1, 8],
    ['IQ1_M', 256, 56], ['BF16', 1, 2], ['TQ1_0', 256, 54], ['TQ2_0', 256, 66], ['MXFP4', 32, 17],
  ] as const).map(([name, block, bytes]) => [GgmlType[name], { name, block, bytes }]),
);

/** Block layout of a type id, or undefined for an id no current ggml knows. */
export function ggmlLayout(type: number): Layout | undefined {
  return LAYOUTS.get(type);
}

export function ggmlTypeName(type: number): string {
  return LAYOUTS.get(type)?.name ?? `unknown type ${type}`;
}

/** Every type id in the table (for tests that compare it with llama.cpp's own). */
export function knownGgmlTypes(): number[] {
  return [...LAYOUTS.keys()];
}

/**
 * Bytes a tensor of `type` with dimensions `ne` occupies, or a reason it cannot exist
 * (unknown type, or a first dimension that is not a whole number of blocks).
 */
export function tensorByteSize(type: number, ne: readonly number[]): { bytes: number } | { problem: string } {
  const layout = LAYOUTS.get(type);
  if (layout === undefined) return { problem: `unsupported ggml type ${type}` };
  const ne0 = ne[0] ?? 1;
  if (ne0 % layout.block !== 0) return { problem: `first dimension ${ne0} is not a multiple of the ${layout.name} block size ${layout.block}` };
  let rows = 1;
  for (let i = 1; i < ne.length; i++) rows *= ne[i] as number;
  const bytes = (ne0 / layout.block) * layout.bytes * rows;
  if (!Number.isSafeInteger(bytes)) return { problem: 'tensor too large' };
  return { bytes };
}
