import type { Model } from '../engine/model.js';
import { argvOf, type EffectiveCommand } from '../engine/runtime.js';
import { POSIX_SHELL } from '../engine/shell-wrapper.js';
import { defineRule } from '../engine/types.js';
import { baseName, commandLine, lineOf, runtimePairs } from './shared/runtime-pairs.js';

export default defineRule({
  id: 'cmd-ignored-by-shell-entrypoint',
  severity: 'warning',
  description: 'CMD is ignored because ENTRYPOINT uses shell form',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 5'],
  fixable: 'never',
  check({ model, report }) {
    for (const { entrypoint, cmd } of runtimePairs(model)) {
      const form = entrypoint.command.form;
      // Bracketed text that is not JSON also runs as shell form, but `invalid-exec-form` reports it, and its fix ends this problem.
      if (form.kind !== 'shell' || form.script === '') continue;
      // `powershell -Command` and `cmd /S /C` join extra arguments into the command instead of dropping them.
      if (!POSIX_SHELL.test(baseName(entrypoint.command.shell[0] ?? ''))) continue;
      const cmdArgv = argvOf(cmd.command);
      if (cmdArgv.length === 0) continue; // `CMD []` passes nothing
      const shellFlag = entrypoint.command.shell.join(' ');
      const shellText = commandLine([...entrypoint.command.shell, form.script]);

      if (cmd.inheritedFrom === null) {
        const entrypointAt = where(model, entrypoint);
        report({
          span: cmd.command.instruction.span,
          message: READS_POSITIONALS.test(form.script)
            ? `This \`${cmd.command.instruction.rawKeyword}\` reaches the shell-form ENTRYPOINT (${entrypointAt}) only as the shell's positional parameters, shifted by one: \`${shellFlag}\` takes its first word, \`${truncate(cmdArgv[0])}\`, as \`$0\`, so \`$@\` and \`$1\` miss it. Write the ENTRYPOINT in exec form, e.g. a script ending in \`exec "$@"\`.`
            : `This \`${cmd.command.instruction.rawKeyword}\` is ignored: the ENTRYPOINT (${entrypointAt}) uses shell form, so Docker runs \`${shellText}\` and neither CMD nor \`docker run\` arguments reach the program. Write the ENTRYPOINT as a JSON array so CMD supplies its default arguments.`,
        });
      } else if (entrypoint.inheritedFrom === null) {
        // Unreachable with Docker's reset of an inherited CMD by ENTRYPOINT; kept so the pair is never lost if that changes.
        report({
          span: entrypoint.command.instruction.span,
          message: `This shell-form \`${entrypoint.command.instruction.rawKeyword}\` makes Docker ignore the CMD (${where(model, cmd)}): it runs \`${shellText}\`, and neither CMD nor \`docker run\` arguments reach the program. Write the ENTRYPOINT as a JSON array.`,
        });
      }
      // Both inherited: the stage that first combined them reported the pair.
    }
  },
});

/** `$@`, `$*`, `$#`, `$1`, `${2}`: the script reads the arguments appended after the `-c` string. */
const READS_POSITIONALS = /\$\{?[@*#0-9]/;

function where(model: Model, effective: EffectiveCommand): string {
  const line = `line ${lineOf(model, effective.command.instruction.span)}`;
  const stage = effective.inheritedFrom;
  return stage ? `${line}, in stage \`${stage.name ?? stage.base}\`` : line;
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
