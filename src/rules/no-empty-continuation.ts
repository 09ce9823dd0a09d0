import { KNOWN_INSTRUCTIONS } from '../engine/model.js';
import type { SourceText } from '../engine/source.js';
import { defineRule, type Fix, type TextEdit } from '../engine/types.js';

export default defineRule({
  id: 'no-empty-continuation',
  severity: 'warning',
  description: 'An empty line inside a continued instruction, which Docker skips',
  refs: { buildkit: ['NoEmptyContinuation'] },
  basis: ['Dockerfile reference: Format', 'BuildKit build checks: NoEmptyContinuation'],
  fixable: 'sometimes',
  check({ model, source, report }) {
    const escapePattern = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    const continued = new RegExp(`${escapePattern}[ \\t]*$`);
    // Lines already read as part of an earlier instruction: never read twice, so the rule stays linear.
    let readThrough = -1;
    for (const node of model.instructions) {
      // Read the lines as BuildKit's parser does: from the instruction's first line while lines end in
      // the escape character; comment lines are dropped, empty ones too (that is what BuildKit warns about).
      let line = source.lineIndexAt(node.span.start);
      if (line <= readThrough || !continued.test(source.lineText(line))) continue;
      const empty: number[] = [];
      let lastWithText = line;
      let beforeFirstEmpty = line;
      let swallowed: { line: number; keyword: string } | null = null;
      while (line + 1 < source.lineCount) {
        line++;
        const text = source.lineText(line);
        if (/^\s*#/.test(text)) continue;
        if (text.trim() === '') {
          if (empty.length === 0) beforeFirstEmpty = lastWithText;
          empty.push(line);
          continue;
        }
        if (empty.length > 0 && swallowed === null) {
          const word = /^\s*([A-Za-z]+)(?:\s|$)/.exec(text)?.[1];
          if (word && KNOWN_INSTRUCTIONS.has(word.toUpperCase())) swallowed = { line, keyword: word };
        }
        lastWithText = line;
        if (!continued.test(text)) break;
      }
      readThrough = line;
      if (empty.length === 0) continue;

      const emptyLines = empty.map((index) => index + 1).join(', ');
      const plural = empty.length > 1 ? 's' : '';
      const span = source.linesSpan(lastWithText, lastWithText);
      if (swallowed) {
        report({
          span,
          message: `The empty line${plural} ${emptyLines} do${empty.length > 1 ? '' : 'es'} not end this \`${node.rawKeyword}\`: the escape at the end of line ${beforeFirstEmpty + 1} continues it, so \`${swallowed.keyword}\` on line ${swallowed.line + 1} becomes part of the \`${node.rawKeyword}\` instead of an instruction of its own. Remove that trailing \`${model.escapeChar}\` to end the instruction there.`,
          fix: endBefore(source, beforeFirstEmpty, continued),
        });
        continue;
      }
      report({
        span,
        message: `Empty line${plural} ${emptyLines} inside this continued \`${node.rawKeyword}\` ${empty.length > 1 ? 'are' : 'is'} skipped: Docker joins the lines around ${empty.length > 1 ? 'them' : 'it'}, and BuildKit warns that empty continuation lines will become an error. Remove ${empty.length > 1 ? 'them' : 'it'}, or use a \`#\` comment line to separate the parts.`,
        fix: {
          safety: 'safe',
          title: `Remove the empty line${plural}`,
          edits: emptyRuns(empty).map(([first, last]) => deleteLines(source, first, last)),
        },
      });
    }
  },
});

/** Consecutive line indexes grouped into [first, last] runs, so that each run is one edit. */
function emptyRuns(lines: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs[runs.length - 1];
    if (last && last[1] === line - 1) last[1] = line;
    else runs.push([line, line]);
  }
  return runs;
}

/**
 * Deletes lines first..last. An edit may not end just after a line break (positions there are read as
 * the end of the previous line), so the edit runs to the first character of the next line and puts it back.
 */
function deleteLines(source: SourceText, first: number, last: number): TextEdit {
  if (last + 1 >= source.lineCount)
    return { span: { start: source.lineEnd(first - 1), end: source.text.length }, text: '' };
  const next = source.lineStart(last + 1);
  return { span: { start: source.lineStart(first), end: next + 1 }, text: source.text[next] };
}

/** Unsafe: splits the instruction where its author evidently meant it to end. */
function endBefore(source: SourceText, index: number, continued: RegExp): Fix | undefined {
  const text = source.lineText(index);
  const match = continued.exec(text);
  if (!match) return undefined;
  let start = match.index;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const lineStart = source.lineStart(index);
  return {
    safety: 'unsafe',
    title: 'End the instruction before the empty line',
    edits: [{ span: { start: lineStart + start, end: lineStart + text.length }, text: '' }],
  };
}
