/**
 * Walking the shell commands of every RUN (and of `ONBUILD RUN` triggers, as hadolint does) for the rules
 * that read RUN as a shell would. Positions map back to the source through `RunScript.spanOf`.
 */
import type { InstructionNode, Model } from '../../engine/model.js';
import { type RunScript, runScripts } from '../../engine/run-scripts.js';
import type { SimpleCommand } from '../../engine/shell.js';
import type { Span } from '../../engine/source.js';

export interface RunCommand {
  /** The RUN instruction (for `ONBUILD RUN`, the trigger; `onbuild` is then the ONBUILD instruction). */
  readonly instruction: InstructionNode;
  readonly onbuild: InstructionNode | null;
  readonly script: RunScript;
  readonly command: SimpleCommand;
  /** Source span of the command. */
  readonly span: Span;
}

/** Every RUN instruction, with its scripts; ONBUILD triggers included. */
export function* runInstructions(
  model: Model,
): Generator<{ instruction: InstructionNode; onbuild: InstructionNode | null; scripts: RunScript[] }> {
  for (const node of model.instructions) {
    if (node.keyword === 'RUN')
      yield { instruction: node, onbuild: null, scripts: runScripts(node, model.source.text) };
    else if (node.keyword === 'ONBUILD' && node.trigger?.keyword === 'RUN') {
      yield {
        instruction: node.trigger,
        onbuild: node,
        scripts: runScripts(node.trigger, model.source.text),
      };
    }
  }
}

/** Every simple command of every RUN, in file order. */
export function* runCommands(model: Model): Generator<RunCommand> {
  for (const { instruction, onbuild, scripts } of runInstructions(model)) {
    for (const script of scripts) {
      for (const command of script.shell.commands) {
        yield { instruction, onbuild, script, command, span: script.spanOf(command.start, command.end) };
      }
    }
  }
}
