import { defineRule } from '../engine/types.js';
import { findingSpan, runBlocks, type ToolCommand } from './shared/pkg-commands.js';

/** Why each command is out of place in a build step, in a few words. */
const REASONS: Record<string, string> = {
  vim: 'is an interactive editor and a build has no terminal: it waits for keys that never come, or exits having done nothing. Edit files with `sed`, or COPY them in',
  top: 'shows the processes of the build container, which disappear with this RUN: it tells nothing about the running container, and without `-b` it needs a terminal',
  ps: 'lists the processes of the build container, which end with this RUN: the output says nothing about the running container',
  free: 'reports the memory of the build machine, not of the containers that will run the image',
  ssh: 'opens a session or runs a remote command, needing keys and host trust the build should not carry (use `RUN --mount=type=ssh` when a build step must reach a host)',
  shutdown: 'cannot shut anything down: the build container has no init, and the step only fails',
  service:
    'starts a service that dies when this RUN ends: nothing keeps running in the image. Start it in the ENTRYPOINT or CMD',
  kill: 'signals a process of the build container, where only this RUN runs',
  mount:
    'needs privileges a build step does not have (unless `RUN --security=insecure`), and mounts vanish when the RUN ends: use `RUN --mount` instead',
};

export default defineRule({
  id: 'avoid-interactive-commands',
  severity: 'info',
  description:
    'RUN uses a command that needs a terminal or acts on the build container (vim, ssh, service, ps...)',
  refs: { hadolint: ['DL3001'] },
  basis: ['Docker best practices: RUN'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      // One finding per program and RUN: `ps aux && ps -ef` says the same twice.
      const seen = new Set<string>();
      run.commands.forEach((command, order) => {
        const reason = Object.hasOwn(REASONS, command.program) ? REASONS[command.program] : undefined;
        if (reason === undefined || seen.has(command.program)) return;
        if (isDeliberate(command, order === run.commands.length - 1)) return;
        seen.add(command.program);
        const culprit = command.programWord
          ? command.context.toSource(command.programWord.start, command.programWord.end)
          : command.span;
        report({
          span: findingSpan(run, culprit),
          message: `\`${command.program}\` ${reason}.`,
        });
      });
    }
  },
});

/** The uses of these commands that do work during a build. */
function isDeliberate(command: ToolCommand, isLast: boolean): boolean {
  const words = command.args.map((word) => word.value);
  const flags = command.run.instruction.flags;
  switch (command.program) {
    // `vim -es`, `vim +PlugInstall +qall`: Ex mode or commands given up front run without a terminal.
    case 'vim':
      return words.some(
        (word) =>
          word !== null &&
          (/^-[a-zA-Z]*[esE]/.test(word) ||
            word.startsWith('+') ||
            word === '-c' ||
            word === '--cmd' ||
            word === '-S' ||
            word === '--not-a-term'),
      );
    // `service postgresql start && psql ... && service postgresql stop`: a service used by the same RUN.
    case 'service':
      return !isLast || words.includes('stop');
    // `kill $!`, `kill "$(cat app.pid)"`, `kill %1`: stopping what this RUN started in the background.
    case 'kill':
      return command.args.some((word) => word.value === null || word.value.startsWith('%'));
    case 'mount':
      return flags.some((flag) => flag.name === 'security' && flag.value === 'insecure');
    case 'ssh':
      return flags.some((flag) => flag.name === 'mount' && /(?:^|,)type=ssh(?:,|$)/.test(flag.value ?? ''));
    default:
      return false;
  }
}
