/**
 * GGUF metadata values: the typed value model shared by the reader and the writer, constructors
 * for writing, and typed accessors. GGUF v3 value type ids: U8 0, I8 1, U16 2, I16 3, U32 4, I32 5,
 * F32 6, BOOL 7, STRING 8, ARRAY 9, U64 10, I64 11, F64 12. Arrays hold scalars (nested arrays are
 * not supported, as in llama.cpp's own reader). Knows nothing about files or tensors.
 */

export const GgufValueType = {
  u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10, i64: 11, f64: 12,
} as const;
export type ScalarType = Exclude<keyof typeof GgufValueType, 'array'>;
export type NumberType = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64';
export type ScalarValue = number | bigint | boolean | string;

export type GgufValue =
  | { readonly type: NumberType; readonly value: number }
  | { readonly type: 'u64' | 'i64'; readonly value: bigint }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'array'; readonly itemType: ScalarType; readonly value: readonly ScalarValue[] };

const BY_ID = new Map<number, keyof typeof GgufValueType>(Object.entries(GgufValueType).map(([k, v]) => [v, k as keyof typeof GgufValueType]));

export function valueTypeName(id: number): keyof typeof GgufValueType | undefined {
  return BY_ID.get(id);
}

/** Bytes of a fixed-size scalar type (strings: undefined). */
export function scalarSize(t: ScalarType): number | undefined {
  switch (t) {
    case 'u8': case 'i8': case 'bool': return 1;
    case 'u16': case 'i16': return 2;
    case 'u32': case 'i32': case 'f32': return 4;
    case 'u64': case 'i64': case 'f64': return 8;
    case 'string': return undefined;
  }
}

// Constructors (for writers).
export const gv = {
  u32: (value: number): GgufValue => ({ type: 'u32', value }),
  i32: (value: number): GgufValue => ({ type: 'i32', value }),
  f32: (value: number): GgufValue => ({ type: 'f32', value }),
  bool: (value: boolean): GgufValue => ({ type: 'bool', value }),
  str: (value: string): GgufValue => ({ type: 'string', value }),
  strings: (value: readonly string[]): GgufValue => ({ type: 'array', itemType: 'string', value }),
  i32s: (value: readonly number[]): GgufValue => ({ type: 'array', itemType: 'i32', value }),
  f32s: (value: readonly number[]): GgufValue => ({ type: 'array', itemType: 'f32', value }),
};

/** A metadata value as a plain number (any integer or float scalar type), else undefined. */
export function asNumber(v: GgufValue | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'bigint' && v.value <= BigInt(Number.MAX_SAFE_INTEGER) && v.value >= -BigInt(Number.MAX_SAFE_INTEGER)) return Number(v.value);
  return undefined;
}

export function asString(v: GgufValue | undefined): string | undefined {
  return v?.type === 'string' ? v.value : undefined;
}

/** Short human rendering of a value (arrays abbreviated), for listings and errors. */
export function describeValue(v: GgufValue): string {
  if (v.type === 'array') {
    const head = v.value.slice(0, 3).map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x)));
    return `[${v.itemType} × ${v.value.length}${head.length ? `: ${head.join(', ')}${v.value.length > 3 ? ', …' : ''}` : ''}]`;
  }
  if (v.type === 'string') return JSON.stringify(v.value.length > 80 ? `${v.value.slice(0, 77)}...` : v.value);
  return String(v.value);
}
