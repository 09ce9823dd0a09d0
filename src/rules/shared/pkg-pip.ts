/**
 * Recognising `pip install` however it is spelled: `pip`, `pip3`, `pip3.12`, `/usr/local/bin/pip`,
 * `python -m pip`, `python3.12 -I -m pip`, with pip's own options before the subcommand
 * (`pip --disable-pip-version-check install`). `pipx`, `pipenv` and `uv pip` are other tools.
 */
import { type ArgWord, type CommandLine, PIP_OPTIONS, parseCommandLine } from './pkg-args.js';
import type { ToolCommand } from './pkg-commands.js';

export interface PipInstall {
  readonly command: ToolCommand;
  /** The `install` word. */
  readonly subcommand: ArgWord;
  readonly line: CommandLine;
  /** The packages: the operands after `install`. */
  readonly packages: readonly ArgWord[];
}

const PIP = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)*)?$/;
// Interpreter options that take a value (`python -W ignore -m pip`).
const PYTHON_OPTIONS_WITH_VALUE = new Set(['-W', '-X', '--check-hash-based-pycs']);

export function pipInstall(command: ToolCommand): PipInstall | null {
  const pipArgs = argsOfPip(command);
  if (!pipArgs) return null;
  const line = parseCommandLine(pipArgs, PIP_OPTIONS);
  const subcommand = line.operands[0];
  if (subcommand?.value !== 'install') return null;
  return { command, subcommand, line, packages: line.operands.slice(1) };
}

function argsOfPip(command: ToolCommand): readonly ArgWord[] | null {
  if (PIP.test(command.program)) return command.args;
  if (!PYTHON.test(command.program)) return null;
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === null || !value.startsWith('-')) return null;
    if (value === '-m') return args[i + 1]?.value === 'pip' ? args.slice(i + 2) : null;
    if (value === '-mpip') return args.slice(i + 1);
    if (PYTHON_OPTIONS_WITH_VALUE.has(value)) i++;
    // `-c 'code'`: the interpreter runs that code, not a module.
    else if (value === '-c') return null;
  }
  return null;
}
