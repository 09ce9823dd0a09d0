/**
 * The port words of every EXPOSE BuildKit dispatches (every stage, as `--check` does; ONBUILD triggers
 * run in another build), each parsed, for the three EXPOSE rules.
 */
import type { InstructionNode, Model } from '../../engine/model.js';
import { type ExpandedWord, expandedWords } from './buildkit-expand.js';
import { type PortSpec, parsePortSpec } from './buildkit-expose.js';

export interface ExposedPort {
  readonly instruction: InstructionNode;
  readonly word: ExpandedWord;
  readonly spec: PortSpec;
}

/** The three EXPOSE rules read the same ports: expanded and parsed once per model. */
const portsByModel = new WeakMap<Model, readonly ExposedPort[]>();

export function exposedPorts(model: Model): readonly ExposedPort[] {
  let ports = portsByModel.get(model);
  if (!ports) {
    ports = readExposedPorts(model);
    portsByModel.set(model, ports);
  }
  return ports;
}

function readExposedPorts(model: Model): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const stage of model.stages)
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const word of expandedWords(stage, instruction))
        ports.push({ instruction, word, spec: parsePortSpec(word.value) });
    }
  return ports;
}
