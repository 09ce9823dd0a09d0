import type { Stage } from '../engine/model.js';
import { defineRule, type TextEdit } from '../engine/types.js';
import { lineNumber, onFirstLine } from './shared/buildkit-location.js';
import { isValidStageName, type StageReference, stageReferences } from './shared/buildkit-stages.js';

export default defineRule({
  id: 'stage-name-casing',
  severity: 'warning',
  description: 'A stage name has uppercase letters, but BuildKit matches stage names in lowercase',
  refs: { buildkit: ['StageNameCasing'] },
  basis: ['Dockerfile reference: FROM', 'BuildKit build checks: StageNameCasing'],
  fixable: 'sometimes',
  check({ model, report }) {
    const referencesByName = new Map<string, StageReference[]>();
    for (const reference of stageReferences(model)) {
      const key = reference.name.toLowerCase();
      const list = referencesByName.get(key);
      if (list) list.push(reference);
      else referencesByName.set(key, [reference]);
    }
    // A reference after a later stage of the same name is that stage's to fix: each is edited once.
    const nextNamesake = new Map<Stage, Stage>();
    const seen = new Map<string, Stage>();
    for (const stage of [...model.stages].reverse()) {
      if (stage.name === null) continue;
      const next = seen.get(stage.name.toLowerCase());
      if (next) nextNamesake.set(stage, next);
      seen.set(stage.name.toLowerCase(), stage);
    }
    for (const stage of model.stages) {
      const { name, nameSpan } = stage;
      if (name === null || nameSpan === null || name === name.toLowerCase()) continue;
      // An invalid (or quoted) name fails the build whatever its case; lowercasing it would not help.
      if (!isValidStageName(name) || model.source.slice(nameSpan) !== name) continue;
      const lower = name.toLowerCase();
      // Later references only: an earlier `FROM name` is an image, and lowercasing it would change what is pulled.
      const later = referencesBetween(
        referencesByName.get(lower) ?? [],
        stage.from.index,
        nextNamesake.get(stage)?.from.index ?? Number.POSITIVE_INFINITY,
      ).filter((reference) => reference.name !== lower);
      const brokenFrom = later.find((reference) => reference.kind === 'from');
      const consequence = brokenFrom
        ? ` It already breaks \`FROM ${brokenFrom.name}\` on line ${lineNumber(model.source, brokenFrom.span.start)}: BuildKit looks FROM names up exactly, so it tries to pull an image \`${brokenFrom.name}\`, and image names must be lowercase (moby/buildkit#2003).`
        : ' `COPY --from` and `--target` match it in any case, but `FROM` compares it exactly.';
      const edits: TextEdit[] = [
        { span: nameSpan, text: lower },
        ...later.map((reference) => ({ span: reference.span, text: lower })),
      ];
      report({
        span: onFirstLine(model.source, stage.from, nameSpan),
        message: `Stage name \`${name}\` has uppercase letters: BuildKit stores stage names in lowercase (\`${lower}\`).${consequence} Write it in lowercase.`,
        fix: {
          safety: 'safe',
          title: later.length > 0 ? `Lowercase \`${name}\` and its references` : `Lowercase \`${name}\``,
          edits,
        },
      });
    }
  },
});

/** The references after instruction `after` and before instruction `before`, from a list in file order. */
function referencesBetween(
  references: readonly StageReference[],
  after: number,
  before: number,
): StageReference[] {
  let low = 0;
  let high = references.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (references[mid].instruction.index <= after) low = mid + 1;
    else high = mid;
  }
  const found: StageReference[] = [];
  for (let i = low; i < references.length && references[i].instruction.index < before; i++)
    found.push(references[i]);
  return found;
}
