import { type CommandForm, commandForm } from '../engine/lexer.js';
import { type InstructionNode, lookup, type Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { execArray, keywordOf, shellWrapperScript } from './shared/commands.js';
import { jsonElementPiece, type Reference, referencesInPiece } from './shared/vars-references.js';
import { envDeclaredAt } from './shared/vars-scope.js';

/**
 * Programs whose own language uses `$` (awk fields, sed addresses, Perl/PHP/Ruby variables, jq, PowerShell):
 * a `$` in their arguments is meant for them, not for Docker.
 */
const DOLLAR_LANGUAGES =
  /^(awk|gawk|mawk|nawk|sed|gsed|perl|php|ruby|jq|yq|envsubst|powershell|pwsh)(\.exe)?$/i;

export default defineRule({
  id: 'exec-form-variable',
  severity: 'warning',
  description: 'A variable in an exec-form argument is never expanded',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      const commands: {
        instruction: InstructionNode;
        form: CommandForm;
        textStart: number;
        keyword: string;
      }[] = stage.commands.map((command) => ({ ...command, keyword: keywordOf(command) }));
      for (const instruction of stage.instructions)
        if (instruction.keyword === 'RUN')
          commands.push({
            instruction,
            form: commandForm(instruction.args.text),
            textStart: 0,
            keyword: 'RUN',
          });

      for (const { instruction, form, textStart, keyword } of commands) {
        if (form.kind !== 'exec' || form.argv.length === 0) continue;
        const program = form.argv[0].split(/[\\/]/).pop() ?? '';
        if (DOLLAR_LANGUAGES.test(program)) continue;
        const script = shellWrapperScript(form.argv)?.scriptIndex;
        for (let i = 0; i < form.argv.length; i++) {
          if (i === script) continue;
          const piece = jsonElementPiece(instruction, textStart, form.elements[i], form.argv[i]);
          const references = referencesInPiece(piece, '\\');
          if (references.length === 0) continue;
          report({
            span: references.length === 1 ? references[0].span : piece.toSpan(0, form.argv[i].length),
            message: messageFor(keyword, form.argv, references, stage, instruction.index),
          });
        }
      }
    }
  },
});

function messageFor(
  keyword: string,
  argv: readonly string[],
  references: readonly Reference[],
  stage: Stage,
  index: number,
): string {
  const names = [...new Set(references.map((ref) => ref.name))];
  const shown = names.map((name) => `\`$${name}\``).join(', ');
  const head = `\`${keyword}\` is in exec form, so the program receives ${shown} as literal text: Docker expands no variables in exec form, and no shell runs to do it.`;
  const viaShell = execArray([
    '/bin/sh',
    '-c',
    `${keyword === 'RUN' ? '' : 'exec '}${argv.map(shellWord).join(' ')}`,
  ]);
  const fromEnv = `have the program read ${names.map((name) => `\`${name}\``).join(', ')} from its environment`;
  let advice: string;
  if (keyword === 'RUN') advice = `Use the shell form, or \`RUN ${viaShell}\`.`;
  else if (keyword === 'ENTRYPOINT')
    advice = `Either ${fromEnv}, put the value itself in \`CMD\` as a default argument, or run it through a shell: \`ENTRYPOINT ${viaShell}\`.`;
  else advice = `Run it through a shell, \`${keyword} ${viaShell}\`, or ${fromEnv}.`;
  // ARGs are gone at run time: even a shell would find these empty.
  const argOnly =
    keyword === 'RUN'
      ? []
      : names.filter(
          (name) => lookup(stage, name, index)?.kind === 'arg' && !envDeclaredAt(stage, name, index),
        );
  const argNote =
    argOnly.length > 0
      ? ` ${argOnly.map((name) => `\`${name}\``).join(', ')} ${argOnly.length === 1 ? 'is an ARG' : 'are ARGs'}, which the container does not have: copy ${argOnly.length === 1 ? 'it' : 'them'} with ${argOnly.map((name) => `\`ENV ${name}=\${${name}}\``).join(', ')}.`
      : '';
  return `${head} ${advice}${argNote}`;
}

/** One argv word written for `sh -c`: bare when safe, else double-quoted so variables still expand. */
function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `"${word.replace(/["\\`]/g, (ch) => `\\${ch}`)}"`;
}
