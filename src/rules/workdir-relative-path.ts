import type { InstructionNode, Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { expandAt } from './shared/copy-args.js';

export default defineRule({
  id: 'workdir-relative-path',
  severity: 'warning',
  description: 'The first WORKDIR of a stage is relative, so it depends on the base image',
  refs: { hadolint: ['DL3000'], buildkit: ['WorkdirRelativePath'] },
  basis: ['Dockerfile reference: WORKDIR', 'BuildKit build checks: WorkdirRelativePath'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      // Once any WORKDIR ran in this stage or a stage it is built FROM, a relative one is relative to it
      // (hadolint's DL3000 still flags `WORKDIR /app` followed by `WORKDIR src`; BuildKit does not).
      if (ancestorSetsWorkdir(stage)) continue;
      const first = stage.instructions.find((node) => node.keyword === 'WORKDIR');
      if (!first) continue;
      const path = workdirPath(stage, first);
      if (path === null || path === '' || isAbsolute(path)) continue;
      const suggestion = `/${path.replace(/^(\.\/)+/, '').replace(/^~\/?/, '')}`;
      report({
        span: first.span,
        message: `\`${first.rawKeyword} ${path}\` is relative and no WORKDIR before it in this stage${stage.parent ? ' or its parent stages' : ''} set a directory: it resolves against the base image's working directory, so it moves when the base image changes${path.startsWith('~') ? ' (and `~` is not expanded: it is a directory named `~`)' : ''}. Use an absolute path such as \`${suggestion}\`.`,
      });
    }
  },
});

function ancestorSetsWorkdir(stage: Stage): boolean {
  for (let parent = stage.parent; parent; parent = parent.parent)
    if (parent.instructions.some((node) => node.keyword === 'WORKDIR')) return true;
  return false;
}

/** The path after Docker's expansion; with an unknown variable, only a literal start can still tell. */
function workdirPath(stage: Stage, node: InstructionNode): string | null {
  const raw = node.args.text.trim();
  const expanded = expandAt(stage, node, raw);
  if (expanded !== null) return expanded;
  const literal = raw.replace(/^["']/, '');
  return literal.startsWith('$') ? null : literal;
}

/** Absolute on Linux (`/app`) or, since the base image may be Windows, on Windows (`C:\app`, `\app`). */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path);
}
