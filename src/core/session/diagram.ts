/**
 * Generates the session's state diagram (mermaid) and the full state × input table (markdown)
 * from the one transition table, so docs/protocol.md never drifts from the code (a test checks).
 * Run `npx tsx src/core/session/diagram.ts` to print both.
 */
import { pathToFileURL } from 'node:url';
import { TABLE_INPUTS, TRANSITIONS, type Rule, type TableInput } from './transitions.ts';
import { SESSION_STATES, type SessionState } from './types.ts';

const idOf = (s: SessionState) => s.replace(/-/g, '_');

/** mermaid `stateDiagram-v2`: one edge per (from, to) pair, labelled with the inputs; self-loops omitted. */
export function mermaidStateDiagram(): string {
  const lines = ['stateDiagram-v2'];
  for (const s of SESSION_STATES) if (s.includes('-')) lines.push(`  state "${s}" as ${idOf(s)}`);
  lines.push('  [*] --> new');
  for (const from of SESSION_STATES) {
    const edges = new Map<SessionState, string[]>();
    const add = (to: SessionState, label: string) => {
      const l = edges.get(to) ?? [];
      if (!l.includes(label)) l.push(label);
      edges.set(to, l);
    };
    for (const input of TABLE_INPUTS) {
      const rule = TRANSITIONS[from][input];
      if (rule.kind === 'handle') for (const to of rule.to) { if (to !== from) add(to, input.toUpperCase()); }
      else if (rule.kind === 'violation') add('closed', 'violation');
    }
    for (const [to, labels] of edges) lines.push(`  ${idOf(from)} --> ${idOf(to)}: ${labels.join(', ')}`);
  }
  lines.push('  closed --> [*]');
  return lines.join('\n');
}

function cell(rule: Rule): string {
  switch (rule.kind) {
    case 'handle': return `${rule.handler} → ${rule.to.join(' / ')}`;
    case 'violation': return `✗ \`${rule.code}\``;
    case 'misuse': return `local \`${rule.code}\``;
    case 'ignore': return 'ignored';
  }
}

/** The whole table as markdown: one row per input, one column per state. */
export function transitionTableMarkdown(): string {
  const head = `| input | ${SESSION_STATES.join(' | ')} |`;
  const sep = `|---|${SESSION_STATES.map(() => '---').join('|')}|`;
  const rows = TABLE_INPUTS.map((i: TableInput) => `| ${i.toUpperCase()} | ${SESSION_STATES.map((s) => cell(TRANSITIONS[s][i])).join(' | ')} |`);
  return [head, sep, ...rows].join('\n');
}

// Entry-point check only (prints when run directly); the functions above are pure.
// eslint-disable-next-line no-restricted-globals
const argv1 = typeof process === 'undefined' ? undefined : process.argv[1];
if (argv1 && import.meta.url === pathToFileURL(argv1).href) {
  console.log('```mermaid\n' + mermaidStateDiagram() + '\n```\n\n' + transitionTableMarkdown());
}
