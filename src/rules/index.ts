/** Every rule, sorted by id. A test keeps this list, the rule files and docs/rules/ in step. */
import type { Rule } from '../engine/types.js';
import argAtRuntime from './arg-at-runtime.js';
import argNameAsLiteral from './arg-name-as-literal.js';
import cmdIgnoredByShellEntrypoint from './cmd-ignored-by-shell-entrypoint.js';
import execForm from './exec-form.js';
import execFormVariable from './exec-form-variable.js';
import fileTooLarge from './file-too-large.js';
import internalError from './internal-error.js';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.js';
import invalidExecForm from './invalid-exec-form.js';
import missingRunCommand from './missing-run-command.js';
import secretInArgEnv from './secret-in-arg-env.js';
import shellCmdAfterExecEntrypoint from './shell-cmd-after-exec-entrypoint.js';
import shellWrapperWithoutExec from './shell-wrapper-without-exec.js';
import singleCmd from './single-cmd.js';
import singleEntrypoint from './single-entrypoint.js';
import singleHealthcheck from './single-healthcheck.js';
import syntaxError from './syntax-error.js';
import undefinedArgInFrom from './undefined-arg-in-from.js';
import undefinedVar from './undefined-var.js';
import unusedArg from './unused-arg.js';

export const allRules: readonly Rule[] = [
  syntaxError,
  fileTooLarge,
  internalError,
  execForm,
  invalidExecForm,
  singleCmd,
  singleEntrypoint,
  singleHealthcheck,
  missingRunCommand,
  cmdIgnoredByShellEntrypoint,
  shellCmdAfterExecEntrypoint,
  execFormVariable,
  argAtRuntime,
  argNameAsLiteral,
  shellWrapperWithoutExec,
  undefinedVar,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  unusedArg,
  secretInArgEnv,
].sort((a, b) => a.id.localeCompare(b.id));
