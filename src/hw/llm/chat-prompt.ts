/**
 * The prompt a question is asked with: ChatML (Qwen2.5's chat format) with a short system line
 * naming the domain expert that answers, when the model's vocabulary has the ChatML specials;
 * otherwise the plain question. Knows nothing about llama.cpp.
 */

export const DEFAULT_SYSTEM = 'You are a helpful assistant for farmers, herders and fish farmers. Answer briefly and practically.';

export function systemLine(domain: string | null): string {
  return domain === null ? DEFAULT_SYSTEM : `${DEFAULT_SYSTEM} You are the ${domain} expert.`;
}

/** The ChatML text of one question (to tokenize with special tokens enabled). */
export function chatMl(question: string, system: string): string {
  return `<|im_start|>system\n${system}<|im_end|>\n<|im_start|>user\n${question}<|im_end|>\n<|im_start|>assistant\n`;
}
