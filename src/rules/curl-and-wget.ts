import type { Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { findingSpan, type RunBlock, runBlocks, type ToolCommand } from './shared/pkg-commands.js';

type Downloader = 'curl' | 'wget';

interface FirstUse {
  readonly run: RunBlock;
  readonly command: ToolCommand;
}

export default defineRule({
  id: 'curl-and-wget',
  severity: 'warning',
  description: 'One image uses both `curl` and `wget`: one downloader is enough',
  refs: { hadolint: ['DL4001'] },
  basis: ['Docker best practices: minimize the number of packages'],
  fixable: 'never',
  check({ model, report }) {
    const firstUses = new Map<Stage, Map<Downloader, FirstUse>>();
    for (const run of runBlocks(model)) {
      const stage = run.instruction.stage;
      if (!stage) continue;
      for (const command of run.commands) {
        if (command.program !== 'curl' && command.program !== 'wget') continue;
        const uses = firstUses.get(stage) ?? new Map<Downloader, FirstUse>();
        if (!uses.has(command.program)) uses.set(command.program, { run, command });
        firstUses.set(stage, uses);
      }
    }
    for (const stage of model.stages) {
      const own = firstUses.get(stage);
      if (!own) continue;
      const curl = own.get('curl') ?? inherited(stage, 'curl', firstUses);
      const wget = own.get('wget') ?? inherited(stage, 'wget', firstUses);
      if (!curl || !wget) continue;
      // Reported where the second one arrives: the later first use, or this stage's when the other is inherited.
      const ownCurl = own.get('curl');
      const ownWget = own.get('wget');
      const second = ownCurl && ownWget ? laterOf(ownCurl, ownWget) : (ownCurl ?? ownWget);
      if (!second) continue;
      const first = second === curl ? wget : curl;
      const firstLine = model.source.locate(first.run.instruction.span).line;
      const where =
        first.run.instruction.stage === stage
          ? `line ${firstLine} uses`
          : `line ${firstLine}, in the stage this one is built FROM, uses`;
      const both =
        first.run === second.run
          ? `This RUN uses both \`${first.command.program}\` and \`${second.command.program}\``
          : `This RUN uses \`${second.command.program}\`, and ${where} \`${first.command.program}\``;
      report({
        span: findingSpan(
          second.run,
          second.command.programWord
            ? second.command.context.toSource(
                second.command.programWord.start,
                second.command.programWord.end,
              )
            : second.command.span,
        ),
        message: `${both}: the image carries two tools that do the same job, and their packages and libraries. Use one of them throughout.`,
      });
    }
  },
});

function laterOf(a: FirstUse, b: FirstUse): FirstUse {
  if (a.run !== b.run) return a.run.instruction.index > b.run.instruction.index ? a : b;
  return a.command.order > b.command.order ? a : b;
}

function inherited(
  stage: Stage,
  tool: Downloader,
  firstUses: ReadonlyMap<Stage, ReadonlyMap<Downloader, FirstUse>>,
): FirstUse | undefined {
  for (let parent = stage.parent; parent; parent = parent.parent) {
    const use = firstUses.get(parent)?.get(tool);
    if (use) return use;
  }
  return undefined;
}
