import { commandForm } from '../engine/lexer.js';
import type { InstructionNode } from '../engine/model.js';
import { runScripts, runsPosixShell } from '../engine/run-scripts.js';
import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'consecutive-run',
  severity: 'info',
  description: 'Two consecutive RUN instructions of one command each: one RUN would do',
  refs: { hadolint: ['DL3059'] },
  basis: ['Docker best practices: minimize the number of layers'],
  fixable: 'never',
  check({ model, source, report }) {
    for (const stage of model.stages) {
      let previous: { node: InstructionNode; single: boolean } | null = null;
      for (const node of stage.instructions) {
        if (node.keyword !== 'RUN') {
          previous = null;
          continue;
        }
        const single = commandCount(node, source.text) === 1;
        // As hadolint: both RUNs hold a single command and carry the same flags; chained commands, or different
        // mounts, network or security, are a deliberate split.
        if (previous?.single && single && sameFlags(previous.node, node)) {
          const line = source.locate(previous.node.span).line;
          report({
            span: node.span,
            message: `This RUN follows the single-command RUN on line ${line} with the same flags: each RUN adds a layer and a cache step. Join them with \`&&\` in one RUN, unless the split is meant to keep a slow step cached.`,
          });
        }
        previous = { node, single };
      }
    }
  },
});

/** The commands the RUN runs, counted as the shell sees them; null when unknown (PowerShell, a parse error). */
function commandCount(node: InstructionNode, source: string): number | null {
  if (!runsPosixShell(node)) return null;
  const scripts = runScripts(node, source);
  if (scripts.length === 0) return commandForm(node.args.text).kind === 'exec' ? 1 : null;
  let count = 0;
  for (const script of scripts) {
    if (script.shell.error !== null) return null;
    count += script.shell.commands.length;
  }
  return count;
}

function sameFlags(a: InstructionNode, b: InstructionNode): boolean {
  const key = (node: InstructionNode) =>
    node.flags
      .map((flag) => `${flag.name.toLowerCase()}=${flag.value ?? ''}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}
