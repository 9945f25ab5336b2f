/**
 * Public API of src/eval: comparing routing against merging on a question bank — configurations,
 * seeded sampling, the evaluation loop over the `Inference`/`Embedder` ports, keyword-recall
 * scoring (published substring and word-boundary), aggregation over runs, the simulator's
 * quality table, Markdown/CSV/JSON/chart outputs, and the llama.cpp + library glue (run-eval.ts).
 */
export { keywordRecall, type KeywordScore, type Scoring } from './scoring.ts';
export { parseConfigs, configLabel, ConfigError, DEFAULT_CONFIGS, type EvalConfig, type RouterName } from './configs.ts';
export { planRuns, type RunPlan } from './sampling.ts';
export {
  runEvaluation, generatorFromInference, orderDomains, specialistByDomain,
  type AnswerRecord, type EvalGenerator, type EvalInputs, type EvalRun, type EvalSpecialist, type MergedForEval,
} from './runner.ts';
export { aggregate, stat, type ConfigResult, type RecallTable, type RunNumbers, type Stat } from './aggregate.ts';
export { qualityTable, qualityYaml, type QualityFragment, type QualityResult } from './quality-table.ts';
export { evalMarkdown, type MarkdownInput } from './markdown.ts';
export { overallChartSpec, domainChartSpec } from './charts.ts';
export { buildEvalReport, writeEvalOutputs, ANSWER_COLUMNS, type EvalMeta, type EvalReport, type WrittenEval } from './eval-report.ts';
