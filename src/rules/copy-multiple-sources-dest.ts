import { defineRule } from '../engine/types.js';
import { commandLineSpan, copyArguments, expandAt, hasVariable } from './shared/copy-args.js';

export default defineRule({
  id: 'copy-multiple-sources-dest',
  severity: 'error',
  description: 'COPY or ADD has several sources but its destination does not end with `/`',
  refs: { hadolint: ['DL3021'] },
  basis: ['Dockerfile reference: COPY', 'Dockerfile reference: ADD'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        const copy =
          node.keyword === 'COPY' || node.keyword === 'ADD'
            ? node
            : node.trigger?.keyword === 'COPY' || node.trigger?.keyword === 'ADD'
              ? node.trigger
              : null;
        if (!copy) continue;
        const { sources, destination } = copyArguments(copy);
        if (!destination || sources.length < 2) continue;
        let value = destination.value;
        if (hasVariable(destination.raw, copy.escapeChar)) {
          // A destination from a variable is judged on its value, when this file alone decides it.
          const expanded = copy === node ? expandAt(stage, copy, destination.raw) : null;
          if (expanded === null) continue;
          value = expanded;
        }
        if (value.endsWith('/') || value.endsWith('\\')) continue;
        const literal = !hasVariable(destination.raw, copy.escapeChar);
        const classic = `the classic builder stops with "When using ${copy.keyword} with more than one source file, the destination must be a directory and end with a /"`;
        // BuildKit reads a bare `.` as the working directory; only the classic builder refuses it.
        const dot = value === '.';
        report({
          span: commandLineSpan(copy),
          ...(dot ? { severity: 'warning' as const } : {}),
          message: dot
            ? `${copy.rawKeyword} has ${sources.length} sources and the destination \`.\`: BuildKit reads it as the working directory, but ${classic}. Write \`./\`, which every builder reads as a directory.`
            : `${copy.rawKeyword} has ${sources.length} sources but the destination \`${destination.value}\` has no trailing \`/\`: ${classic}, and BuildKit copies every source onto that one path, so unless it already exists as a directory each file overwrites the one before. Write \`${destination.value}/\`.`,
          fix: literal
            ? {
                safety: 'safe',
                title: `Add a trailing slash to \`${destination.value}\``,
                edits: [
                  {
                    span: /["']$/.test(destination.raw)
                      ? { start: destination.span.end - 1, end: destination.span.end - 1 }
                      : { start: destination.span.end, end: destination.span.end },
                    text: '/',
                  },
                ],
              }
            : undefined,
        });
      }
    }
  },
});
