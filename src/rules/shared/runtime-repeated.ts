/**
 * The "only the last one counts" rules (`single-cmd`, `single-entrypoint`, `single-healthcheck`): Docker
 * keeps the last CMD, ENTRYPOINT or HEALTHCHECK of a stage. Each earlier one is reported where BuildKit's
 * MultipleInstructionsDisallowed puts it, on the overridden instruction, naming the one that wins.
 * Per stage and not inherited: a child stage setting CMD again is how CMD is meant to be changed.
 * ONBUILD triggers are not instructions of the stage and do not count.
 */
import type { InstructionNode, Model } from '../../engine/model.js';
import type { Report } from '../../engine/types.js';
import { lineOf } from './runtime-pairs.js';

export function reportOverridden(
  model: Model,
  keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK',
  report: (finding: Report) => void,
  explain: (overridden: InstructionNode, winner: InstructionNode, winnerLine: number) => string,
): void {
  for (const stage of model.stages) {
    const repeated = stage.instructions.filter((instruction) => instruction.keyword === keyword);
    const winner = repeated[repeated.length - 1];
    if (!winner) continue;
    const winnerLine = lineOf(model, winner.span);
    for (const overridden of repeated.slice(0, -1))
      report({ span: overridden.span, message: explain(overridden, winner, winnerLine) });
  }
}
