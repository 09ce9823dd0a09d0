import { defineRule } from '../engine/types.js';
import { APT_GET_OPTIONS, parseCommandLine } from './shared/pkg-args.js';
import {
  deletesDirectory,
  ephemeralMountTargets,
  findingSpan,
  imageRunBlocks,
  isWithin,
  laterInRun,
  type ToolCommand,
} from './shared/pkg-commands.js';

const LISTS = '/var/lib/apt/lists';
const APT_TOOLS = new Set(['apt-get', 'apt', 'aptitude']);

export default defineRule({
  id: 'apt-lists-not-cleaned',
  severity: 'info',
  description: '`apt-get update` leaves the package lists in the image',
  refs: { hadolint: ['DL3009'] },
  basis: ['Docker best practices: apt-get (clean up the apt cache)'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of imageRunBlocks(model)) {
      // A cache or tmpfs mount over the lists keeps them out of the layer.
      if (ephemeralMountTargets(run.instruction).some((target) => isWithin(LISTS, target))) continue;
      const update = run.commands.findLast(isUpdate);
      if (!update || laterInRun(update, cleansLists)) continue;
      const tool = update.program;
      report({
        span: findingSpan(run, update.span),
        message: `\`${tool} update\` downloads the package lists into \`${LISTS}\`, and this RUN does not delete them, so tens of megabytes stay in the image layer. End the same RUN with \`rm -rf ${LISTS}/*\`, or mount a cache there (\`--mount=type=cache,target=${LISTS}\`).`,
      });
    }
  },
});

function isUpdate(command: ToolCommand): boolean {
  if (!APT_TOOLS.has(command.program)) return false;
  return parseCommandLine(command.args, APT_GET_OPTIONS).operands[0]?.value === 'update';
}

/** `rm -rf /var/lib/apt/lists/*` (or of a directory above), `find ... -delete`, `apt-get dist-clean`. */
function cleansLists(command: ToolCommand): boolean {
  if (command.program === 'apt-get' || command.program === 'apt')
    return parseCommandLine(command.args, APT_GET_OPTIONS).operands[0]?.value === 'dist-clean';
  return deletesDirectory(command, LISTS);
}
