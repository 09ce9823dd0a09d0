/**
 * The commands of every RUN as the package-manager rules need them: the program actually run (past
 * `sudo`, `env X=1`, `exec`...), its words with their written text, the variables set for it, and the
 * commands of `sh -c '...'` scripts in order, so a rule can ask "does a later command of the same RUN
 * clean up?". Also where to report, where an edit may go, the RUN's cache mounts, and which stages end up
 * in the image.
 */
import { splitWords } from '../../engine/lexer.js';
import type { InstructionNode, Model, Stage } from '../../engine/model.js';
import { parseShell, type ShellWord, type SimpleCommand } from '../../engine/shell.js';
import { shellScriptWord } from '../../engine/shell-wrapper.js';
import type { Span } from '../../engine/source.js';
import type { TextEdit } from '../../engine/types.js';
import type { ArgWord } from './pkg-args.js';
import { runInstructions } from './run-commands.js';

/** The text a command was read from, and the way back to the Dockerfile. */
interface ScriptContext {
  readonly text: string;
  /** Source span of `text[start, end)`; for the script of a `sh -c` string, the whole string. */
  toSource(start: number, end: number): Span;
  /** Whether an edit at a word's position lands on that word in the Dockerfile. */
  readonly editable: boolean;
}

export interface ToolCommand {
  readonly run: RunBlock;
  /** Basename of the program (`apt-get` for `/usr/bin/apt-get`), or '' when it expands. */
  readonly program: string;
  readonly programWord: ArgWord | null;
  /** The words after the program. */
  readonly args: readonly ArgWord[];
  /** Variables set for this command alone (`X=1 cmd`, `env X=1 cmd`); null values expand at build time. */
  readonly env: ReadonlyMap<string, string | null>;
  /** Part of a pipeline (`yes | apt-get install ...`). */
  readonly piped: boolean;
  /** Position among all commands of the RUN, `sh -c` scripts included. */
  readonly order: number;
  readonly context: ScriptContext;
  /** Source span of the command (for a `sh -c` script, of the string holding it). */
  readonly span: Span;
}

export interface RunBlock {
  /** The RUN instruction (for `ONBUILD RUN`, the trigger). */
  readonly instruction: InstructionNode;
  readonly onbuild: InstructionNode | null;
  readonly commands: readonly ToolCommand[];
  readonly source: string;
}

const MAX_NESTING = 3;

/** Read once per model: some thirty rules walk the same commands, and re-reading them cost more than linting. */
const blocksByModel = new WeakMap<Model, readonly RunBlock[]>();

/** Every RUN (and ONBUILD RUN trigger) in file order, with its commands. */
export function runBlocks(model: Model): readonly RunBlock[] {
  let blocks = blocksByModel.get(model);
  if (!blocks) {
    blocks = [...readRunBlocks(model)];
    blocksByModel.set(model, blocks);
  }
  return blocks;
}

function* readRunBlocks(model: Model): Generator<RunBlock> {
  for (const { instruction, onbuild, scripts } of runInstructions(model)) {
    const commands: ToolCommand[] = [];
    const block: RunBlock = { instruction, onbuild, commands, source: model.source.text };
    for (const script of scripts) {
      const context: ScriptContext = {
        text: script.text,
        toSource: (start, end) => script.spanOf(start, end),
        // Inside a JSON string an inserted word would need JSON escaping and a new element: no edit there.
        editable: script.kind === 'command-line' || script.kind === 'heredoc',
      };
      collect(block, commands, script.shell.commands, context, 0);
    }
    yield block;
  }
}

function collect(
  block: RunBlock,
  into: ToolCommand[],
  commands: readonly SimpleCommand[],
  context: ScriptContext,
  depth: number,
): void {
  for (const command of commands) {
    const tool = toolCommand(block, command, context, into.length);
    into.push(tool);
    const inner = depth < MAX_NESTING ? shellScriptWord(tool.program, tool.args)?.script : null;
    if (inner) {
      const span = context.toSource(inner.start, inner.end);
      collect(
        block,
        into,
        parseShell(inner.value).commands,
        { text: inner.value, toSource: () => span, editable: false },
        depth + 1,
      );
    }
  }
}

function toolCommand(
  run: RunBlock,
  command: SimpleCommand,
  context: ScriptContext,
  order: number,
): ToolCommand {
  const text = context.text;
  const words = command.args.map((word) => argWord(word, text));
  const { start, end } = command;
  const env = new Map<string, string | null>();
  let programWord: ArgWord | null = null;
  // The parser gives assignment names only: read `NAME=value` and the program word back from the text.
  const prefix = text.slice(start, words[0]?.start ?? end);
  const prefixWords = splitWords(prefix, '\\');
  const expected = command.assignments.length + (command.name === null ? 0 : 1);
  if (prefixWords.length === expected) {
    for (const word of prefixWords.slice(0, command.assignments.length)) {
      const equals = word.raw.indexOf('=');
      const name = word.raw.slice(0, Math.max(0, equals));
      env.set(name, /[$`]/.test(word.raw) ? null : word.value.slice(word.value.indexOf('=') + 1));
    }
    const last = prefixWords[prefixWords.length - 1];
    if (command.name !== null && last) {
      programWord = {
        value: command.name,
        raw: last.raw,
        start: start + last.start,
        end: start + last.end,
      };
    }
  } else for (const assignment of command.assignments) env.set(assignment.name, null);
  programWord ??=
    command.name === null ? null : { value: command.name, raw: command.name, start, end: start };

  const unwrapped = unwrap(programWord, words, env);
  return {
    run,
    program: unwrapped.program?.value?.split('/').pop() ?? '',
    programWord: unwrapped.program,
    args: unwrapped.args,
    env,
    piped: command.piped,
    order,
    context,
    span: context.toSource(start, end),
  };
}

/** Shell positions are already string indexes (the engine converts mvdan-sh's byte offsets). */
function argWord(word: ShellWord, text: string): ArgWord {
  return { value: word.value, raw: text.slice(word.start, word.end), start: word.start, end: word.end };
}

/**
 * Commands that run another command: `sudo apt-get ...`, `env PIP_NO_CACHE_DIR=1 pip ...`, `exec npm ...`.
 * The value of each is the set of its options that take a value.
 */
const WRAPPERS: Record<string, { short: string; long: string[] }> = {
  sudo: {
    short: 'ugCDhprtTU',
    long: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'role', 'type'],
  },
  env: { short: 'uCS', long: ['unset', 'chdir', 'split-string'] },
  exec: { short: 'a', long: [] },
  command: { short: '', long: [] },
  nohup: { short: '', long: [] },
  nice: { short: 'n', long: ['adjustment'] },
  time: { short: 'fo', long: ['format', 'output'] },
};

function unwrap(
  program: ArgWord | null,
  args: readonly ArgWord[],
  env: Map<string, string | null>,
): { program: ArgWord | null; args: readonly ArgWord[] } {
  let current = program;
  let rest = args;
  for (let depth = 0; depth < 4 && current?.value; depth++) {
    const name = current.value.split('/').pop() ?? '';
    const wrapper = WRAPPERS[name];
    if (!wrapper) break;
    let i = 0;
    while (i < rest.length) {
      const value = rest[i].value;
      if (value === null) break;
      if (value === '--') {
        i++;
        break;
      }
      // `env -S`, `command -v`: the rest is not a command line run as is.
      if ((name === 'env' && /^-[^-]*S/.test(value)) || (name === 'command' && /^-[vV]/.test(value)))
        return { program: current, args: rest };
      if (value.startsWith('--')) {
        i += wrapper.long.includes(value.slice(2)) ? 2 : 1;
        continue;
      }
      if (value.startsWith('-') && value.length > 1) {
        const letters = value.slice(1);
        const valueAt = [...letters].findIndex((letter) => wrapper.short.includes(letter));
        i += valueAt !== -1 && valueAt === letters.length - 1 ? 2 : 1;
        continue;
      }
      if ((name === 'env' || name === 'sudo') && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
        const equals = value.indexOf('=');
        env.set(value.slice(0, equals), value.slice(equals + 1));
        i++;
        continue;
      }
      break;
    }
    if (i >= rest.length) return { program: current, args: rest };
    current = rest[i];
    rest = rest.slice(i + 1);
  }
  return { program: current, args: rest };
}

/** Source span of a word of the command (of the whole `sh -c` string for commands inside one). */
export function wordSpan(command: ToolCommand, word: ArgWord): Span {
  return command.context.toSource(word.start, word.end);
}

/**
 * Where a finding about the RUN goes: from the start of the instruction (the line hadolint reports) to the
 * end of the part at fault, so a pull request that adds a package on a continuation line sees it.
 */
export function findingSpan(run: RunBlock, culprit: Span): Span {
  const start = (run.onbuild ?? run.instruction).span.start;
  return { start, end: Math.max(start, culprit.end) };
}

/** An edit inserting `text` right after a word, or null when the word's position in the file is not exact. */
export function insertAfter(command: ToolCommand, word: ArgWord, text: string): TextEdit | null {
  const span = editableSpan(command, word);
  return span ? { span: { start: span.end, end: span.end }, text } : null;
}

/** An edit replacing a word, or null when its position in the file is not exact. */
export function replaceWord(command: ToolCommand, word: ArgWord, text: string): TextEdit | null {
  const span = editableSpan(command, word);
  return span ? { span, text } : null;
}

function editableSpan(command: ToolCommand, word: ArgWord): Span | null {
  if (!command.context.editable || word.start === word.end) return null;
  const span = wordSpan(command, word);
  return command.run.source.slice(span.start, span.end) === word.raw ? span : null;
}

/**
 * Whether some command of the same RUN after this one matches: "is the cache cleared later?". Evaluated
 * once per RUN and predicate, so a RUN of many commands stays linear.
 */
export function laterInRun(command: ToolCommand, matches: (later: ToolCommand) => boolean): boolean {
  let byPredicate = lastMatches.get(command.run);
  if (!byPredicate) {
    byPredicate = new Map();
    lastMatches.set(command.run, byPredicate);
  }
  let last = byPredicate.get(matches);
  if (last === undefined) {
    last = command.run.commands.findLastIndex(matches);
    byPredicate.set(matches, last);
  }
  return last > command.order;
}

const lastMatches = new WeakMap<RunBlock, Map<(command: ToolCommand) => boolean, number>>();

/**
 * The RUNs of the stages that end up in the final image (the last stage and its local parents), with their stage:
 * what a builder stage leaves in its layers never ships, only what `COPY --from` takes. Cache and cleanup rules
 * read these.
 */
export function* imageRunBlocks(model: Model): Generator<RunBlock & { readonly stage: Stage }> {
  const inImage = stagesInImage(model);
  for (const run of runBlocks(model)) {
    const stage = run.instruction.stage;
    if (stage && inImage.has(stage)) yield { ...run, stage };
  }
}

/**
 * The stages whose layers are in the image a plain `docker build` produces: the last stage and the stages it
 * is built FROM. A stage only copied from (`COPY --from=builder`) leaves its caches behind.
 */
export function stagesInImage(model: Model): Set<Stage> {
  const stages = new Set<Stage>();
  for (let stage: Stage | null = model.stages[model.stages.length - 1] ?? null; stage; stage = stage.parent) {
    if (stages.has(stage)) break;
    stages.add(stage);
  }
  return stages;
}

/** Normalised targets of the RUN's `--mount=type=cache` and `--mount=type=tmpfs`: not part of the layer. */
export function ephemeralMountTargets(instruction: InstructionNode): string[] {
  const targets: string[] = [];
  for (const flag of instruction.flags) {
    if (flag.name.toLowerCase() !== 'mount' || flag.value === null) continue;
    let type = 'bind';
    let target: string | null = null;
    for (const field of unquote(flag.value).split(',')) {
      const equals = field.indexOf('=');
      const key = (equals === -1 ? field : field.slice(0, equals)).trim().toLowerCase();
      const value = equals === -1 ? '' : unquote(field.slice(equals + 1).trim());
      if (key === 'type') type = value.toLowerCase();
      else if (key === 'target' || key === 'dst' || key === 'destination') target = value;
    }
    if ((type === 'cache' || type === 'tmpfs') && target) targets.push(normalizePath(target));
  }
  return targets;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return /^(["']).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** `/var/lib/apt/lists/` and `/var/lib/apt//lists` are `/var/lib/apt/lists`. */
export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
}

/** Whether `path` is `directory` or inside it. */
export function isWithin(path: string, directory: string): boolean {
  const normal = normalizePath(path);
  const base = normalizePath(directory);
  return normal === base || normal.startsWith(base === '/' ? '/' : `${base}/`);
}

/**
 * Whether an `rm` (or `find ... -delete`) command deletes `directory` or everything in it:
 * `rm -rf /var/lib/apt/lists/*`, `rm -r /var/lib/apt/lists`, `rm -rf /var/lib/apt`.
 */
export function deletesDirectory(command: ToolCommand, directory: string): boolean {
  const covers = (path: string) => {
    const normal = normalizePath(path.replace(/\/\*$/, '').replace(/\/\*\*$/, ''));
    return isWithin(directory, normal) && normal !== '/';
  };
  if (command.program === 'rm') {
    return command.args.some(
      (word) => word.value !== null && !word.value.startsWith('-') && covers(word.value),
    );
  }
  if (command.program === 'find') {
    const deletes = command.args.some((word) => word.value === '-delete' || word.value === 'rm');
    const start = command.args[0]?.value;
    return deletes && start != null && covers(start);
  }
  return false;
}
