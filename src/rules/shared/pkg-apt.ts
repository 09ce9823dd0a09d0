/**
 * apt-get specifics shared by the apt rules: reading an `apt-get` command line, and apt configuration
 * written by the Dockerfile itself (`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...`),
 * which changes the default for every later apt-get of the stage and of stages built FROM it.
 */
import type { Model, Stage } from '../../engine/model.js';
import { runScripts } from '../../engine/run-scripts.js';
import { APT_GET_OPTIONS, type CommandLine, parseCommandLine } from './pkg-args.js';
import { runBlocks, type ToolCommand } from './pkg-commands.js';

export interface AptGetCall {
  readonly command: ToolCommand;
  readonly line: CommandLine;
  /** `install`, `update`...; undefined when there is none or it expands. */
  readonly subcommand: string | undefined;
}

/** Read once per command: the seven apt rules ask for the same apt-get lines. */
const callByCommand = new WeakMap<ToolCommand, AptGetCall>();

export function aptGetCall(command: ToolCommand): AptGetCall | null {
  if (command.program !== 'apt-get') return null;
  let call = callByCommand.get(command);
  if (!call) {
    const line = parseCommandLine(command.args, APT_GET_OPTIONS);
    call = { command, line, subcommand: line.operands[0]?.value ?? undefined };
    callByCommand.set(command, call);
  }
  return call;
}

export type AptSetting = 'assume-yes' | 'no-install-recommends';

const FALSE = /^(?:0|false|no|off|without|disable)$/i;
const TRUE = /^(?:1|true|yes|on|with|enable)$/i;

/** `-o APT::Install-Recommends=false`, `-o APT::Get::Assume-Yes=true` on the command line. */
export function setByOption(call: AptGetCall, setting: AptSetting): boolean {
  return call.line.options.some((option) => {
    if ((option.name !== 'o' && option.name !== 'option') || option.value === null) return false;
    const equals = option.value.indexOf('=');
    if (equals === -1) return false;
    return matches(setting, option.value.slice(0, equals), option.value.slice(equals + 1));
  });
}

function matches(setting: AptSetting, key: string, value: string): boolean {
  const name = key.trim().toLowerCase();
  const unquoted = value.trim().replace(/^"(.*)"$/, '$1');
  return setting === 'assume-yes'
    ? name === 'apt::get::assume-yes' && TRUE.test(unquoted)
    : name === 'apt::install-recommends' && FALSE.test(unquoted);
}

// An apt.conf line: `APT::Install-Recommends "false";` (the quotes and semicolon are often left out).
const CONF_LINE = /(APT::(?:Get::Assume-Yes|Install-Recommends))\s+"?([A-Za-z0-9]+)"?/gi;

function settingsIn(text: string): AptSetting[] {
  const found: AptSetting[] = [];
  for (const match of text.matchAll(CONF_LINE)) {
    for (const setting of ['assume-yes', 'no-install-recommends'] as const)
      if (matches(setting, match[1], match[2])) found.push(setting);
  }
  return found;
}

/**
 * Where the Dockerfile writes apt configuration: by `echo`/`printf` in a RUN, or in a here-document that a
 * RUN writes to a file or a COPY copies. Which file it lands in is not checked: apt configuration text has
 * no other use.
 */
export class AptConfigWrites {
  /** Per stage and setting, the first write: instruction index, then command order within it. */
  private readonly first = new Map<Stage, Map<AptSetting, { index: number; order: number }>>();

  constructor(model: Model) {
    const record = (stage: Stage | null, index: number, order: number, settings: AptSetting[]) => {
      if (!stage) return;
      let byStage = this.first.get(stage);
      if (!byStage) {
        byStage = new Map();
        this.first.set(stage, byStage);
      }
      for (const setting of settings) if (!byStage.has(setting)) byStage.set(setting, { index, order });
    };
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'echo' && command.program !== 'printf') continue;
        const text = command.args.map((word) => word.value ?? '').join(' ');
        record(run.instruction.stage, run.instruction.index, command.order, settingsIn(text));
      }
    }
    for (const node of model.instructions) {
      if (node.heredocs.length === 0) continue;
      // A RUN whose here-documents are its script was read above; bodies fed to a command are data.
      if (node.keyword === 'RUN' && runScripts(node, model.source.text).some((s) => s.kind === 'heredoc'))
        continue;
      if (node.keyword !== 'RUN' && node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
      for (const heredoc of node.heredocs) {
        if (!heredoc.body) continue;
        record(
          node.stage,
          node.index,
          -1,
          settingsIn(model.source.text.slice(heredoc.body.start, heredoc.body.end)),
        );
      }
    }
  }

  /** Whether the setting was written before the command: earlier in its stage or RUN, or in a parent stage. */
  before(command: ToolCommand, setting: AptSetting): boolean {
    const { stage, index } = command.run.instruction;
    for (let current = stage, inOwnStage = true; current; current = current.parent, inOwnStage = false) {
      const at = this.first.get(current)?.get(setting);
      if (!at) continue;
      if (!inOwnStage || at.index < index || (at.index === index && at.order < command.order)) return true;
    }
    return false;
  }
}
