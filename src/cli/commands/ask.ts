/**
 * `gossip ask "<question>" --model X.gguf --library DIR [--router keyword|embedding]`: route a
 * question to a library adapter, print the route and its confidence, stream the answer, then the
 * timings (route, swap, time to first token, tokens/s).
 */
import type { Argv, CommandModule } from 'yargs';
import type { RouteDecision } from '../../core/routing/index.ts';
import { DEFAULT_ADAPTER_CACHE, openExpertSession, type RouterKind } from '../../hw/llm/expert-session.ts';
import { UserError } from '../user-error.ts';

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

function describeRoute(d: RouteDecision, name: string | undefined, router: RouterKind): string {
  const conf = `confidence ${d.confidence.toFixed(2)}`;
  if (d.kind === 'adapter') return `route: ${name ?? d.adapterId.slice(0, 16)} (${d.domain}) · ${router} · ${conf}${d.hits.length ? ` · hits: ${d.hits.join(', ')}` : ''}`;
  return `route: base model (${d.reason}${d.demandDomain ? `; no local ${d.demandDomain} expert` : ''}) · ${router} · ${conf}`;
}

export const askCommand: CommandModule = {
  command: 'ask <question>',
  describe: 'Route a question to a library adapter and answer it with the local model',
  builder: (y: Argv) =>
    y
      .positional('question', { type: 'string', demandOption: true })
      .option('model', { type: 'string', demandOption: true, describe: 'base model GGUF' })
      .option('library', { type: 'string', demandOption: true, describe: 'adapter library folder (gossip library add)' })
      .option('router', { choices: ['keyword', 'embedding'] as const, default: 'keyword' as const })
      .option('threads', { type: 'number', default: 1, describe: 'CPU threads' })
      .option('max-tokens', { type: 'number', default: 128, describe: 'longest answer in tokens' })
      .option('cache', { type: 'string', default: DEFAULT_ADAPTER_CACHE, describe: 'folder for adapter GGUFs exported from the library' }),
  handler: async (argv) => {
    const threads = Number(argv.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UserError(`--threads: expected a positive integer, got ${argv.threads}`);
    const maxTokens = Number(argv['max-tokens']);
    if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new UserError(`--max-tokens: expected a positive integer, got ${argv['max-tokens']}`);
    const router = argv.router as RouterKind;
    const out = process.stdout;
    const session = await openExpertSession({ modelPath: String(argv.model), libraryDir: String(argv.library), router, threads, cacheDir: String(argv.cache) });
    try {
      out.write(`model loaded in ${fmt(session.loadMs)} ms (${threads} thread${threads > 1 ? 's' : ''}) · ${session.adapters.length} adapters for this base${session.skipped.length ? ` · skipped ${session.skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}` : ''}\n`);
      for (const n of session.notes) out.write(`note: ${n}\n`);
      const question = String(argv.question);
      const routed = await session.route(question);
      out.write(describeRoute(routed.decision, routed.adapter?.manifest.name, router) + '\n\n');
      const a = await session.answer(question, { maxTokens, routed, onToken: (t) => out.write(t) });
      const c = a.completion;
      out.write(
        `\n\nroute ${fmt(routed.routeMs)} ms · swap ${fmt(a.swap.ms)} ms${a.swap.firstLoad ? ' (first load)' : ''} · first token ${fmt(c.timeToFirstTokenMs)} ms` +
          ` · ${c.tokensPerSecond.toFixed(1)} tokens/s (${c.generatedTokens} tokens, ${Number.isNaN(c.generationMsPerToken) ? '-' : fmt(c.generationMsPerToken)} ms/token after the first; prompt ${c.promptTokens} tokens) · stop: ${c.stop}\n`,
      );
    } finally {
      await session.dispose();
    }
  },
};
