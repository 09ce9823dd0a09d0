import { spanIn } from '../engine/lexer.js';
import { lookup } from '../engine/model.js';
import { defineRule, type Fix } from '../engine/types.js';
import { keywordOf, shellWrapperScript } from './shared/commands.js';
import { jsonElementPiece, type Piece, type Reference, referencesInPiece } from './shared/vars-references.js';
import {
  envDeclaredAt,
  globalArgNamed,
  implicitlyDefined,
  isPlatformArg,
  keywordLike,
} from './shared/vars-scope.js';

export default defineRule({
  id: 'arg-at-runtime',
  severity: 'warning',
  description: 'CMD, ENTRYPOINT or HEALTHCHECK reads a variable that only an ARG defines, empty at run time',
  refs: {},
  basis: ['GUIDANCE.md: ARG 3'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      // One fix per variable and stage: the first ENV inserted serves every later command.
      const fixed = new Set<string>();
      for (const command of stage.commands) {
        const { form, instruction, textStart } = command;
        let references: Reference[];
        if (form.kind === 'shell') {
          const piece: Piece = {
            text: instruction.args.text.slice(textStart),
            toSpan: (start, end) => spanIn(instruction.args, textStart + start, textStart + end),
          };
          references = referencesInPiece(piece, model.escapeChar);
        } else if (form.kind === 'exec') {
          const script = shellWrapperScript(form.argv)?.scriptIndex;
          if (script === undefined) continue;
          const piece = jsonElementPiece(instruction, textStart, form.elements[script], form.argv[script]);
          references = referencesInPiece(piece, '\\');
        } else continue;

        const seen = new Set<string>();
        for (const reference of references) {
          const name = reference.name;
          if (seen.has(name)) continue;
          seen.add(name);
          if (envDeclaredAt(stage, name, instruction.index) || implicitlyDefined(stage, name)) continue;
          const declaration = lookup(stage, name, instruction.index);
          const global = declaration ? undefined : globalArgNamed(model, name);
          let definedBy: string;
          if (declaration?.kind === 'arg')
            definedBy = `only \`ARG ${name}\` (line ${model.source.lineIndexAt(declaration.nameSpan.start) + 1}) defines it`;
          else if (global)
            definedBy = `only the global \`ARG ${name}\` (line ${model.source.lineIndexAt(global.nameSpan.start) + 1}) defines it, and this stage does not even declare it`;
          else if (!declaration && isPlatformArg(name))
            definedBy = `\`${name}\` is one of BuildKit's build-time platform ARGs`;
          else continue;

          const needsArg = declaration === undefined;
          const effect = reference.hasFallback
            ? 'its fallback is used and the build-time value is lost'
            : `it expands to an empty string unless \`docker run -e ${name}=...\` sets it`;
          const add = needsArg
            ? `\`ARG ${name}\` and \`ENV ${name}=\${${name}}\``
            : `\`ENV ${name}=\${${name}}\``;
          let fix: Fix | undefined;
          if (!fixed.has(name)) {
            fixed.add(name);
            fix = insertEnv(
              model.source.text,
              instruction.span.start,
              instruction.rawKeyword,
              name,
              needsArg,
            );
          }
          report({
            span: reference.span,
            message: `\`${keywordOf(command)}\` reads \`$${name}\` when the container runs, but ${definedBy}: ARGs exist only during the build, so ${effect}. Add ${add} before this line to carry the value into the image.`,
            fix,
          });
        }
      }
    }
  },
});

/** `ENV NAME=${NAME}` (after `ARG NAME` when the stage lacks it) on new lines just above the instruction. */
function insertEnv(
  text: string,
  instructionStart: number,
  rawKeyword: string,
  name: string,
  needsArg: boolean,
): Fix {
  const lineStart = text.lastIndexOf('\n', instructionStart - 1) + 1;
  const indent = /^[ \t]*$/.test(text.slice(lineStart, instructionStart))
    ? text.slice(lineStart, instructionStart)
    : '';
  const arg = needsArg ? `${indent}${keywordLike(rawKeyword, 'ARG')} ${name}\n` : '';
  const env = `${indent}${keywordLike(rawKeyword, 'ENV')} ${name}=\${${name}}\n`;
  const at = indent === '' ? instructionStart : lineStart;
  return {
    safety: 'unsafe',
    title: `Copy \`${name}\` into the image environment with ENV`,
    edits: [{ span: { start: at, end: at }, text: `${arg}${env}` }],
  };
}
