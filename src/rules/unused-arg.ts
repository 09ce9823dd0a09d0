import { scanVariables } from '../engine/lexer.js';
import {
  type Command,
  declarationsOf,
  type InstructionNode,
  type Model,
  type Stage,
} from '../engine/model.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import { keywordOf } from './shared/commands.js';

export default defineRule({
  id: 'unused-arg',
  severity: 'warning',
  description: 'An ARG that nothing reads',
  refs: {},
  basis: ['GUIDANCE.md: ARG 2', 'GUIDANCE.md: ARG 3'],
  fixable: 'never',
  check({ model, report }) {
    const refsOf = new Map<InstructionNode, { name: string; start: number }[]>();
    const referencesOf = (node: InstructionNode) => {
      let refs = refsOf.get(node);
      if (!refs) {
        const start = node.span.start;
        refs = scanVariables(model.source.text.slice(start, node.span.end), model.escapeChar).map((ref) => ({
          name: ref.name,
          start: start + ref.start,
        }));
        refsOf.set(node, refs);
      }
      return refs;
    };

    // What each stage and everything built FROM it reads: parents come before children in the file,
    // so one pass from the last stage backwards sees every child before its parent.
    const below = new Map<Stage, { names: Set<string>; run: boolean }>();
    const stageReads = new Map<Stage, { names: Set<string>; run: boolean }>();
    for (const stage of [...model.stages].reverse()) {
      const own = { names: new Set<string>(), run: false };
      for (const node of stage.instructions) {
        for (const ref of referencesOf(node)) own.names.add(ref.name);
        if (node.keyword === 'RUN') own.run = true;
      }
      stageReads.set(stage, own);
      const descendants = below.get(stage) ?? { names: new Set<string>(), run: false };
      below.set(stage, descendants);
      if (stage.parent) {
        const parent = below.get(stage.parent) ?? { names: new Set<string>(), run: false };
        for (const name of own.names) parent.names.add(name);
        for (const name of descendants.names) parent.names.add(name);
        parent.run ||= own.run || descendants.run;
        below.set(stage.parent, parent);
      }
    }

    for (const stage of model.stages) {
      const literalWords = literalArguments(stage);
      const descendants = below.get(stage) ?? { names: new Set<string>(), run: false };
      const readLater = new Set(descendants.names);
      let runLater = descendants.run;
      for (let i = stage.instructions.length - 1; i >= 0; i--) {
        const node = stage.instructions[i];
        const refs = referencesOf(node);
        if (node.keyword === 'ARG') {
          for (const declaration of declarationsOf(node, 'arg')) {
            const readHere = refs.some(
              (ref) => ref.name === declaration.name && ref.start >= declaration.nameSpan.end,
            );
            if (runLater || readLater.has(declaration.name) || readHere || readByBuildKit(declaration.name))
              continue;
            const literal = literalWords.get(declaration.name);
            const literalNote =
              literal && literal.instruction.index > node.index
                ? ` The ${keywordOf(literal)} on line ${model.source.lineIndexAt(literal.instruction.span.start) + 1} passes the literal word \`${declaration.name}\`, not this value.`
                : '';
            report({
              span: declaration.nameSpan,
              message: `\`ARG ${declaration.name}\` is never read: nothing after it in this stage (or in a stage built FROM it) refers to \`$${declaration.name}\`, and no RUN follows that would see it in its environment. ARGs do not exist when the container runs, so CMD and ENTRYPOINT cannot read it either.${literalNote}`,
            });
          }
        }
        for (const ref of refs) readLater.add(ref.name);
        if (node.keyword === 'RUN') runLater = true;
      }
    }

    checkGlobalArgs(model, referencesOf, stageReads, report);
  },
});

function checkGlobalArgs(
  model: Model,
  referencesOf: (node: InstructionNode) => { name: string; start: number }[],
  stageReads: ReadonlyMap<Stage, { names: ReadonlySet<string> }>,
  report: RuleContext['report'],
): void {
  const usedByFromOrDefaults = new Set<string>();
  for (const stage of model.stages)
    for (const ref of referencesOf(stage.from)) usedByFromOrDefaults.add(ref.name);
  const redeclared = new Set<string>();
  for (const stage of model.stages)
    for (const [name, list] of stage.declarations)
      if (list.some((declaration) => declaration.kind === 'arg')) redeclared.add(name);

  // A later global default may read an earlier global ARG (`ARG IMAGE=${BASE}:3`).
  const globalReads = model.globalArgs.map((declaration) =>
    referencesOf(declaration.instruction).filter((ref) => ref.start >= declaration.nameSpan.end),
  );
  const firstReadingStage = new Map<string, Stage>();
  for (const stage of model.stages)
    for (const name of stageReads.get(stage)?.names ?? [])
      if (!firstReadingStage.has(name)) firstReadingStage.set(name, stage);
  const readByLaterGlobal = new Set<string>();
  for (let i = model.globalArgs.length - 1; i >= 0; i--) {
    const declaration = model.globalArgs[i];
    const name = declaration.name;
    const used =
      usedByFromOrDefaults.has(name) ||
      redeclared.has(name) ||
      readByLaterGlobal.has(name) ||
      readByBuildKit(name);
    for (const ref of globalReads[i]) readByLaterGlobal.add(ref.name);
    if (used) continue;
    const readingStage = firstReadingStage.get(name);
    const note = readingStage
      ? ` The stage on line ${model.source.lineIndexAt(readingStage.from.span.start) + 1} refers to \`$${name}\` without declaring \`ARG ${name}\`, so it sees an empty value there.`
      : '';
    report({
      span: declaration.nameSpan,
      message: `The global \`ARG ${name}\` is never used: no FROM refers to \`$${name}\`, and no stage declares \`ARG ${name}\` to bring it into scope, so its value reaches nothing.${note}`,
    });
  }
}

/** The first CMD / ENTRYPOINT / HEALTHCHECK exec-form argument (after the program) of each word in a stage. */
function literalArguments(stage: Stage): Map<string, Command> {
  const words = new Map<string, Command>();
  for (const command of stage.commands) {
    if (command.form.kind !== 'exec') continue;
    for (const word of command.form.argv.slice(1)) if (!words.has(word)) words.set(word, command);
  }
  return words;
}

/** `BUILDKIT_INLINE_CACHE`, `BUILDKIT_SBOM_SCAN_STAGE`, ...: BuildKit itself reads these build arguments. */
function readByBuildKit(name: string): boolean {
  return name.startsWith('BUILDKIT_');
}
