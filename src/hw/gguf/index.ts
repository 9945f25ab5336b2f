/**
 * Public API of GGUF files: reader and streaming writer, base-model ids, synthetic qwen2 models
 * and LoRA adapters, LoRA checks against a base, PEFT (safetensors) import.
 */
export { GgmlType, ggmlLayout, ggmlTypeName, knownGgmlTypes, tensorByteSize } from './ggml-types.ts';
export { gv, asNumber, asString, describeValue, type GgufValue, type ScalarType } from './gguf-value.ts';
export { readGguf, readTensorBytes, GgufLimits, GGUF_MAGIC, type GgufFile, type GgufTensorInfo } from './gguf-reader.ts';
export { writeGguf, tensorFromBytes, encodeGgufValue, type TensorSource } from './gguf-writer.ts';
export { ModelFileError, type ModelFileErrorCode } from './model-file-error.ts';
export { baseModelId } from './base-model-id.ts';
export { QWEN2_SHAPES, SHAPE_NAMES, qwen2Tensors, LORA_TARGETS, ALL_LORA_TARGETS, type LoraTarget, type Qwen2Shape, type ShapeName } from './qwen2-shapes.ts';
export { synthModel, qwen2Metadata, QUANT_NAMES, type QuantName, type SynthModelOptions, type SynthModelResult } from './synth-model.ts';
export { synthAdapter, matrixTensor, type SynthAdapterOptions, type SynthAdapterResult } from './synth-adapter.ts';
export { loraMetadata, loraSummary, checkAdapterAgainstBase, type LoraPair, type LoraSummary } from './lora-adapter.ts';
export { readSafetensors, readSafetensorF32, readSafetensorBytes, type SafetensorsFile, type SafetensorsEntry } from './safetensors.ts';
export { importPeft, readPeftConfig, type PeftConfig, type PeftImportResult } from './peft-import.ts';
export { f32ToHalf, halfToF32, bf16ToF32, toHalfBits, fromHalfBits } from './half-float.ts';
