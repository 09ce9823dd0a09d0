import { explicitShellAt } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { commandSpan, execArray, plainWords } from './shared/commands.js';

export default defineRule({
  id: 'exec-form',
  severity: 'warning',
  description: 'CMD or ENTRYPOINT uses shell form: the program is not PID 1 and misses signals',
  refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 5'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const command of stage.commands) {
        const { instruction, form } = command;
        // Bracketed text that is not JSON is `invalid-exec-form`'s finding; HEALTHCHECK's shell form is fine (BuildKit agrees).
        if (form.kind !== 'shell' || instruction.keyword === 'HEALTHCHECK' || form.script === '') continue;
        // As BuildKit does: a SHELL set earlier in the stage (or its parents) means shell form is deliberate.
        if (explicitShellAt(stage, instruction.index)) continue;
        const keyword = instruction.rawKeyword;
        const consequence =
          instruction.keyword === 'ENTRYPOINT'
            ? 'CMD and `docker run` arguments are ignored, and'
            : '`docker run` arguments replace it as a whole, and';
        const words = plainWords(form.script);
        const span = commandSpan(command);
        report({
          span: instruction.span,
          message: `${keyword} uses shell form, so Docker runs it as \`/bin/sh -c "…"\`: ${consequence} the program is not PID 1, so \`docker stop\` sends SIGTERM to the shell, not to it. Use the JSON exec form.`,
          fix: words
            ? { safety: 'safe', title: 'Use the exec form', edits: [{ span, text: execArray(words) }] }
            : startsSimpleCommand(form.script)
              ? {
                  safety: 'unsafe',
                  title: 'Run through the shell, replacing it with `exec`',
                  edits: [{ span, text: execArray(['/bin/sh', '-c', `exec ${form.script}`]) }],
                }
              : undefined,
        });
      }
    }
  },
});

/** One command (no chaining, pipes or background) that `exec` can replace the shell with. */
function startsSimpleCommand(script: string): boolean {
  return !/[;&|\n`]|\$\(/.test(script) && !/^\s*exec\b/.test(script) && !/^\s*[A-Za-z_]\w*=/.test(script);
}
