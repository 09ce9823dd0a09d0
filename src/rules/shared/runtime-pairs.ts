/**
 * What the runtime rules share: each ENTRYPOINT / CMD pairing of the file once, whether an ENTRYPOINT only
 * launches the command it is given (an init or an entrypoint script), and how to show an argv in a message.
 */
import { type Model, rootStage, type Stage } from '../../engine/model.js';
import { type EffectiveCommand, runtimeOf } from '../../engine/runtime.js';
import type { Span } from '../../engine/source.js';
import { shellWrapperScript } from './commands.js';

export interface RuntimePair {
  /** The first stage (in file order) in which this ENTRYPOINT and this CMD are both in effect. */
  readonly stage: Stage;
  readonly entrypoint: EffectiveCommand;
  readonly cmd: EffectiveCommand;
}

/**
 * Every ENTRYPOINT + CMD combination in effect in some stage, once: a child stage that inherits both from
 * its parent shares the parent's pair, so a finding about the pair is not repeated for every child.
 */
export function runtimePairs(model: Model): RuntimePair[] {
  const seen = new Set<string>();
  const pairs: RuntimePair[] = [];
  for (const stage of model.stages) {
    const { entrypoint, cmd } = runtimeOf(stage);
    if (!entrypoint || !cmd) continue;
    const key = `${entrypoint.command.instruction.index}:${cmd.command.instruction.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ stage, entrypoint, cmd });
  }
  return pairs;
}

/** 1-based line of an offset, for messages that point at another instruction. */
export function lineOf(model: Model, span: Span): number {
  return model.source.lineIndexAt(span.start) + 1;
}

/**
 * Programs that run the command given to them as arguments (init processes, privilege droppers, `env`).
 * An ENTRYPOINT made of one of these passes CMD on as a command, not as options of an application.
 */
const COMMAND_RUNNERS = new Set([
  'tini',
  'tini-static',
  'dumb-init',
  'catatonit',
  'init',
  'env',
  'gosu',
  'su-exec',
  'chpst',
  's6-setuidgid',
]);

/** Runners whose first operand is a user name, not the command (`gosu app`, `su-exec app`). */
const TAKES_USER = new Set(['gosu', 'su-exec', 'chpst', 's6-setuidgid']);

/**
 * Whether an exec-form ENTRYPOINT runs whatever command follows it: an init (`["tini", "--"]`), an
 * entrypoint script (`["/docker-entrypoint.sh"]`, which by convention ends in `exec "$@"`), or a shell
 * wrapper that runs `"$@"`.
 */
export function runsCommandArguments(argv: readonly string[]): boolean {
  const wrapper = shellWrapperScript(argv);
  if (wrapper) return /\$\{?[@*]/.test(argv[wrapper.scriptIndex]);
  const operands = argv.filter((arg, i) => i === 0 || !arg.startsWith('-'));
  const program = baseName(operands[0] ?? '');
  if (TAKES_USER.has(program)) return operands.length === 2;
  const last = baseName(operands[operands.length - 1] ?? '');
  return COMMAND_RUNNERS.has(last) || /entrypoint/i.test(last);
}

export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** An argv as a shell user would type it, for messages: words with blanks or quotes are double-quoted. */
export function commandLine(argv: readonly string[], max = 100): string {
  const text = argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word))).join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether a Dockerfile's `FROM` chain starts at an Alpine or BusyBox image, whose `/bin/sh` is BusyBox ash. */
export function busyboxShellLikely(stage: Stage): boolean {
  return /alpine|busybox/i.test(rootStage(stage).base);
}
