import { type InstructionNode, lookup, type Model, type Stage } from '../engine/model.js';
import { defineRule, type RuleContext } from '../engine/types.js';
import {
  argDefaultReferences,
  dockerExpandedReferences,
  heredocSpecialParameters,
  type Reference,
  shellExpandedReferences,
} from './shared/vars-references.js';
import {
  closestName,
  declaredLater,
  globalArgNamed,
  isDefinedAt,
  isPlatformArg,
  opaqueBaseImage,
  rawDefaults,
} from './shared/vars-scope.js';

export default defineRule({
  id: 'undefined-var',
  severity: 'warning',
  description: 'A variable Docker expands is not defined in the stage',
  refs: { hadolint: ['DL3044'], buildkit: ['UndefinedVar'] },
  basis: ['GUIDANCE.md: ARG 2', 'Dockerfile reference: Environment replacement'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        const reported = new Set<string>();
        const once = (name: string) => {
          if (reported.has(name)) return false;
          reported.add(name);
          return true;
        };
        if (node.keyword === 'ARG') {
          // `ARG A=1 B=$A` is read left to right: A is defined for B.
          const defaults = rawDefaults(node.args.text, model.escapeChar);
          for (const { reference, declaredBefore } of argDefaultReferences(model, node, defaults))
            if (!declaredBefore.has(reference.name))
              checkDockerReference(model, stage, node, reference, once, report);
          continue;
        }
        for (const reference of dockerExpandedReferences(model, node))
          checkDockerReference(model, stage, node, reference, once, report);
        for (const param of heredocSpecialParameters(model, node)) {
          if (!once(param.name)) continue;
          report({
            span: param.span,
            message: `Docker expands this heredoc body while building, because its delimiter \`<<${param.heredoc.name}\` is unquoted, and \`$${param.name}\` is never defined there: the copied file gets an empty string. Write \`<<'${param.heredoc.name}'\` to copy the text as is.`,
          });
        }
        if (node.keyword === 'RUN') checkShellReferences(model, stage, node, once, report);
      }
    }
  },
});

function lineOf(model: Model, offset: number): number {
  return model.source.lineIndexAt(offset) + 1;
}

/** A name BuildKit knows only in the global scope: a global ARG or a predefined platform ARG. */
function globalOnly(model: Model, name: string): string | null {
  const global = globalArgNamed(model, name);
  if (global)
    return `the global \`ARG ${name}\` (line ${lineOf(model, global.nameSpan.start)}) is visible only to FROM lines until a stage declares it again`;
  if (isPlatformArg(name)) return `BuildKit defines \`${name}\` only in the global scope`;
  return null;
}

function checkDockerReference(
  model: Model,
  stage: Stage,
  node: InstructionNode,
  reference: Reference,
  once: (name: string) => boolean,
  report: RuleContext['report'],
): void {
  const name = reference.name;
  if (isDefinedAt(stage, name, node.index) || !once(name)) return;
  const later = declaredLater(stage, name, node.index);
  let laterNote = '';
  if (later?.instruction === node && node.keyword === 'ARG')
    laterNote = ` This ARG declares \`${name}\` after the default that uses it, and ARG reads its names left to right: declare \`${name}\` first.`;
  else if (later?.instruction === node)
    laterNote = ` This ${node.rawKeyword} sets \`${name}\` too, but Docker expands all of its values against the variables defined before it: set \`${name}\` in an earlier ${node.rawKeyword}.`;
  else if (later)
    laterNote = ` \`${later.kind.toUpperCase()} ${name}\` comes only later, on line ${lineOf(model, later.nameSpan.start)}: move it above this line.`;
  const effect = reference.hasFallback
    ? `\`$${name}\` always takes its fallback value here`
    : `Docker substitutes an empty string for \`$${name}\``;
  const heredocNote = reference.heredoc
    ? ` Docker expands this heredoc body because its delimiter \`<<${reference.heredoc.name}\` is unquoted; write \`<<'${reference.heredoc.name}'\` to copy the text as is.`
    : '';
  const scopeProblem = globalOnly(model, name);
  if (scopeProblem) {
    report({
      span: reference.span,
      message: `${effect}: ${scopeProblem}. Add \`ARG ${name}\` in this stage before this line.${laterNote}${heredocNote}`,
    });
    return;
  }
  const suggestion = closestName(name, suggestionCandidates(stage, node.index));
  const base = opaqueBaseImage(stage);
  const baseNote = base ? ` (unless the base image \`${base}\` sets it with ENV)` : '';
  report({
    span: reference.span,
    message: `${effect}${baseNote}: no ARG or ENV before this line, in this stage or the stages it is built FROM, defines it.${suggestion ? ` Did you mean \`$${suggestion}\`?` : ''}${laterNote}${heredocNote}`,
  });
}

/** Enough for any real Dockerfile; beyond it "did you mean" is skipped so that the rule stays linear. */
const MAX_SUGGESTION_CANDIDATES = 200;
const stageNames = new WeakMap<Stage, readonly string[] | null>();

/** The names defined at the instruction, for "did you mean", or none in a file with too many names to compare. */
function suggestionCandidates(stage: Stage, index: number): string[] {
  let names = stageNames.get(stage);
  if (names === undefined) {
    const all = new Set<string>(['PATH']);
    for (let current: Stage | null = stage; current; current = current.parent)
      for (const name of current.declarations.keys()) all.add(name);
    names = all.size > MAX_SUGGESTION_CANDIDATES ? null : [...all];
    stageNames.set(stage, names);
  }
  return names === null
    ? []
    : names.filter((name) => name === 'PATH' || lookup(stage, name, index) !== undefined);
}

/**
 * Beyond BuildKit: a RUN's shell sees ARGs as environment variables, so a global or platform ARG the
 * stage never declared is empty there. Other names are the shell's own business and are left alone.
 */
function checkShellReferences(
  model: Model,
  stage: Stage,
  node: InstructionNode,
  once: (name: string) => boolean,
  report: RuleContext['report'],
): void {
  const text = model.source.text.slice(node.span.start, node.span.end);
  for (const reference of shellExpandedReferences(model, node)) {
    const name = reference.name;
    const scopeProblem = globalOnly(model, name);
    if (!scopeProblem || isDefinedAt(stage, name, node.index) || assignedByScript(text, name) || !once(name))
      continue;
    const later = declaredLater(stage, name, node.index);
    const laterNote = later
      ? ` (\`ARG ${name}\` on line ${lineOf(model, later.nameSpan.start)} comes too late)`
      : '';
    const effect = reference.hasFallback
      ? `\`$${name}\` always takes its fallback value in this RUN`
      : `The shell of this RUN sees an empty \`$${name}\``;
    report({
      span: reference.span,
      message: `${effect}: ${scopeProblem}. Declare \`ARG ${name}\` in this stage before this line${laterNote}.`,
    });
  }
}

/** Whether the script sets the variable itself (`NAME=`, `export NAME=`, `for NAME in`, `read NAME`, `${NAME:=x}`). */
function assignedByScript(text: string, name: string): boolean {
  return new RegExp(
    `(^|[\\s;&|(])((export|local|readonly|declare|typeset)\\s+(-\\w+\\s+)*)?${name}=|\\bfor\\s+${name}\\b|\\bread\\b[^;&|\\n]*\\s${name}\\b|\\$\\{${name}:?=`,
  ).test(text);
}
