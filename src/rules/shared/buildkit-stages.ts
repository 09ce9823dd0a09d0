/**
 * Stage names as BuildKit handles them, for the stage-name rules: the name grammar, the `AS` keyword's
 * position, and every place a later instruction names a stage (`FROM name`, `COPY --from=name`,
 * `RUN --mount=...,from=name`). Linear in the size of the file.
 */
import { spanIn, splitWords } from '../../engine/lexer.js';
import type { InstructionNode, Model, Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';

/** BuildKit's `parseBuildStageName` refuses any other (lowercased) name, so the build fails on it. */
export const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export function isValidStageName(name: string): boolean {
  return STAGE_NAME.test(name.toLowerCase());
}

/** The `AS` word of `FROM image AS name`, when the FROM has exactly that shape. */
export function asKeyword(stage: Stage): { text: string; span: Span } | null {
  const from = stage.from;
  const words = splitWords(from.args.text, from.escapeChar);
  if (words.length !== 3 || words[1].raw.toLowerCase() !== 'as') return null;
  return { text: words[1].raw, span: spanIn(from.args, words[1].start, words[1].end) };
}

export interface StageReference {
  /** The name as written. */
  readonly name: string;
  readonly span: Span;
  readonly instruction: InstructionNode;
  readonly kind: 'from' | 'copy-from' | 'mount-from';
}

/**
 * Every literal stage name a top-level instruction refers to. ONBUILD triggers are left out: they run in
 * another build, where this file's stage names mean nothing. Names with quotes or variables are left
 * out too, since no fix could rewrite them safely.
 */
export function stageReferences(model: Model): StageReference[] {
  const references: StageReference[] = [];
  for (const stage of model.stages) {
    const image = splitWords(stage.from.args.text, stage.from.escapeChar)[0];
    if (image && isPlainName(image.raw))
      references.push({
        name: image.raw,
        span: spanIn(stage.from.args, image.start, image.end),
        instruction: stage.from,
        kind: 'from',
      });
    for (const node of stage.instructions) {
      for (const flag of node.flags) {
        const text = model.source.slice(flag.span);
        const equals = text.indexOf('=');
        if (equals === -1) continue;
        const name = flag.name.toLowerCase();
        if (name === 'from' && node.keyword === 'COPY') {
          const value = text.slice(equals + 1);
          if (isPlainName(value))
            references.push({
              name: value,
              span: { start: flag.span.start + equals + 1, end: flag.span.end },
              instruction: node,
              kind: 'copy-from',
            });
        } else if (name === 'mount' && node.keyword === 'RUN') {
          references.push(...mountReferences(node, text, flag.span.start));
        }
      }
    }
  }
  return references;
}

/** `from=name` among the comma-separated options of `--mount=...` (CSV quoting is left alone). */
function mountReferences(node: InstructionNode, flagText: string, flagStart: number): StageReference[] {
  const references: StageReference[] = [];
  const valueStart = flagText.indexOf('=') + 1;
  let offset = valueStart;
  for (const option of flagText.slice(valueStart).split(',')) {
    const equals = option.indexOf('=');
    if (equals !== -1 && option.slice(0, equals).trim().toLowerCase() === 'from') {
      const value = option.slice(equals + 1);
      if (isPlainName(value))
        references.push({
          name: value,
          span: { start: flagStart + offset + equals + 1, end: flagStart + offset + option.length },
          instruction: node,
          kind: 'mount-from',
        });
    }
    offset += option.length + 1;
  }
  return references;
}

function isPlainName(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(text);
}
