import { spanIn } from '../engine/lexer.js';
import { type Command, lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { execArray, keywordOf, shellWrapperScript } from './shared/commands.js';
import { envDeclaredAt } from './shared/vars-scope.js';

export default defineRule({
  id: 'arg-name-as-literal',
  severity: 'warning',
  description: 'An exec-form argument is the name of an ARG, passed literally',
  refs: {},
  basis: ['GUIDANCE.md: ARG 3', 'GUIDANCE.md: The example that the guidance itself gets wrong'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const command of stage.commands) {
        const { form, instruction } = command;
        if (form.kind !== 'exec') continue;
        const script = shellWrapperScript(form.argv)?.scriptIndex;
        // The program itself (argv[0]) and a shell's script are commands, not values someone meant to pass.
        for (let i = 1; i < form.argv.length; i++) {
          if (i === script) continue;
          const word = form.argv[i];
          const declaration = lookup(stage, word, instruction.index);
          if (declaration?.kind !== 'arg' || envDeclaredAt(stage, word, instruction.index)) continue;
          const element = form.elements[i];
          const line = model.source.lineIndexAt(declaration.nameSpan.start) + 1;
          report({
            span: spanIn(
              instruction.args,
              command.textStart + element.start,
              command.textStart + element.end,
            ),
            message: `\`${keywordOf(command)}\` passes the literal word \`${word}\`, not the value of \`ARG ${word}\` (line ${line}): exec form expands nothing, and ARGs do not exist when the container runs. ${suggestion(command, i, declaration.value)}`,
          });
        }
      }
    }
  },
});

/** The shapes GUIDANCE.md recommends: the default as a CMD argument (overridable at `docker run`), or ENV. */
function suggestion(command: Command, index: number, value: string | null): string {
  if (command.form.kind !== 'exec') return '';
  const argv = command.form.argv;
  const word = argv[index];
  const shown = value ?? `<${word}>`;
  const env = `\`ENV ${word.toUpperCase()}=\${${word}}\` and have the program read \`${word.toUpperCase()}\` from its environment`;
  const keyword = command.instruction.keyword;
  if (keyword === 'ENTRYPOINT' && index === argv.length - 1) {
    const head = execArray(argv.slice(0, -1));
    return `To make it a default that \`docker run IMAGE other\` can override, write \`ENTRYPOINT ${head}\` and \`CMD ${execArray([shown])}\`; or set ${env}.`;
  }
  if (keyword === 'CMD') {
    const withValue = execArray(argv.map((arg, i) => (i === index ? shown : arg)));
    return `Write the value itself, \`CMD ${withValue}\` (\`docker run IMAGE ...\` replaces it), or set ${env}.`;
  }
  return `Write the value itself, or set ${env}.`;
}
