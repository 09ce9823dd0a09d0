/**
 * Walking the shell commands of every RUN (and of `ONBUILD RUN` triggers, as hadolint does) for the rules
 * that read RUN as a shell would. Positions map back to the source through `RunScript.spanOf`.
 */
import type { InstructionNode, Model } from '../../engine/model.js';
import { type RunScript, runScripts } from '../../engine/run-scripts.js';

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
