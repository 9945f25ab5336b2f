/**
 * The error for model, adapter and weight files (GGUF, safetensors, PEFT folders) and for
 * llama.cpp refusing them: a `UserError` (one line naming the file and what is wrong, printed
 * without a stack trace by the CLI) with a stable `code` that tests assert on.
 * Knows nothing about which reader raised it.
 */
import { UserError } from '../../cli/user-error.ts';

export type ModelFileErrorCode =
  | 'file/unreadable'
  | 'gguf/not-gguf'
  | 'gguf/unsupported-version'
  | 'gguf/truncated'
  | 'gguf/bad-value'
  | 'gguf/limit'
  | 'model/wrong-architecture'
  | 'model/missing-key'
  | 'model/not-a-base-model'
  | 'adapter/not-lora'
  | 'adapter/missing-tensor'
  | 'adapter/shape-mismatch'
  | 'adapter/unpaired'
  | 'safetensors/invalid'
  | 'safetensors/truncated'
  | 'peft/invalid-config'
  | 'peft/unsupported'
  | 'peft/unknown-tensor'
  | 'llama/load-failed'
  | 'llama/unavailable';

export class ModelFileError extends UserError {
  constructor(readonly code: ModelFileErrorCode, message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}
