import { lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { type ArgWord, type OptionSpec, parseCommandLine } from './shared/pkg-args.js';
import { findingSpan, runBlocks, type ToolCommand } from './shared/pkg-commands.js';
import { insertionAfter } from './shared/rpm-commands.js';

/** useradd(8): the options that take a value. */
const USERADD_OPTIONS: OptionSpec = {
  shortWithValue: 'bcdefgGkKpsuRPZ',
  longWithValue: [
    'base-dir',
    'comment',
    'home-dir',
    'expiredate',
    'inactive',
    'gid',
    'groups',
    'skel',
    'key',
    'password',
    'shell',
    'uid',
    'root',
    'prefix',
    'selinux-user',
    'selinux-range',
  ],
};

/** Bytes per UID in /var/log/lastlog (glibc's `struct lastlog` on 64-bit Linux). */
const LASTLOG_ENTRY_BYTES = 292;

export default defineRule({
  id: 'useradd-without-no-log-init',
  severity: 'warning',
  description:
    '`useradd` with a large UID and without `--no-log-init`: the image grows by the size of a sparse log',
  refs: { hadolint: ['DL3046'] },
  basis: ['Docker best practices: USER'],
  fixable: 'sometimes',
  check({ report, model }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'useradd') continue;
        const line = parseCommandLine(command.args, USERADD_OPTIONS);
        if (
          line.opaque ||
          line.options.some((option) => option.name === 'l' || option.name === 'no-log-init')
        )
          continue;
        const uidOption = line.options.findLast((option) => option.name === 'u' || option.name === 'uid');
        if (!uidOption) continue;
        const uid = uidValue(command, uidOption.word, uidOption.value);
        // hadolint's threshold: more than five digits. From there lastlog alone is tens of megabytes.
        if (uid === null || !/^\d{6,}$/.test(uid)) continue;
        const megabytes = Math.round((Number(uid) * LASTLOG_ENTRY_BYTES) / 1e6);
        const edit = insertionAfter(command, command.programWord, ' --no-log-init');
        report({
          span: findingSpan(run, command.context.toSource(uidOption.word.start, uidOption.word.end)),
          message: `\`useradd\` writes an entry for UID ${uid} into /var/log/lastlog and /var/log/faillog, sparse files indexed by UID; image layers do not keep files sparse, so lastlog alone adds about ${megabytes.toLocaleString('en-US')} MB to the image. Add \`--no-log-init\` (\`-l\`).`,
          fix: edit ? { safety: 'safe', title: 'Add `--no-log-init`', edits: [edit] } : undefined,
        });
      }
    }
  },
});

/** The UID given, with ARG / ENV values expanded (`-u ${UID}` with `ARG UID=1000`); null when unknown. */
function uidValue(command: ToolCommand, word: ArgWord, value: string | null): string | null {
  if (value !== null) return value;
  const instruction = command.run.instruction;
  if (command.run.onbuild || !instruction.stage) return null;
  const match = /^-?-?(?:u|uid)?=?["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?["']?$/.exec(word.raw);
  const next = match ? null : command.args[command.args.indexOf(word) + 1];
  const reference = match ?? (next ? /^["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?["']?$/.exec(next.raw) : null);
  if (!reference) return null;
  const declared = lookup(instruction.stage, reference[1], instruction.index);
  return declared?.value ?? null;
}
