/**
 * Our model of a Dockerfile, built on dockerfile-ast's instruction list but deciding the things the
 * parser is lenient or wrong about (toolchain.md §9): stages and their parents, ARG/ENV scopes with
 * multi-name ARGs and predefined ARGs, exec versus shell form by JSON parsing, heredoc bodies kept
 * apart from the command line, and the effective runtime command of every stage.
 * Building it is linear in the size of the file; lookups are logarithmic.
 */
import { type Dockerfile, DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Range as LspRange } from 'vscode-languageserver-types';
import {
  argumentsText,
  type CommandForm,
  commandForm,
  type LogicalText,
  spanIn,
  splitWords,
  type Word,
} from './lexer.js';
import { SourceText, type Span } from './source.js';

export const KNOWN_INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** Instructions whose arguments Docker itself expands (`$VAR`), per the Dockerfile reference "Environment replacement". */
export const EXPANDING_INSTRUCTIONS = new Set([
  'ADD',
  'ARG',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** ARGs BuildKit defines in the global scope; inside a stage they must be declared again with `ARG NAME`. */
export const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETOSVERSION',
  'TARGETSTAGE',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'BUILDOSVERSION',
]);

/** Proxy ARGs Docker predefines everywhere, in both cases (Dockerfile reference, "Predefined ARGs"). */
export const PROXY_ARGS = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [
    name,
    name.toLowerCase(),
  ]),
);

export interface Flag {
  readonly name: string;
  readonly value: string | null;
  readonly span: Span;
}

export interface Heredoc {
  readonly name: string;
  /** `<<'EOF'` or `<<"EOF"`: the body is not expanded. */
  readonly quoted: boolean;
  readonly startSpan: Span;
  readonly body: Span | null;
  readonly terminated: boolean;
}

export interface InstructionNode {
  /** Position in the file's instruction order; scopes compare these. */
  readonly index: number;
  /** Upper-case keyword (`CMD`), and as written (`cmd`). */
  readonly keyword: string;
  readonly rawKeyword: string;
  /** The whole instruction, heredoc bodies included. */
  readonly span: Span;
  readonly keywordSpan: Span;
  /** The argument text after the flags and before any heredoc body, continuations removed. */
  readonly args: LogicalText;
  /** The file's escape character (`\` or, after `# escape=\``, a backtick), for reading the arguments. */
  readonly escapeChar: string;
  readonly flags: readonly Flag[];
  readonly heredocs: readonly Heredoc[];
  /** The stage the instruction belongs to; null before the first FROM. */
  readonly stage: Stage | null;
  readonly ast: Instruction;
  /** For `ONBUILD RUN ...`: the trigger instruction, which runs in builds FROM this image, not in this one. */
  readonly trigger?: InstructionNode;
}

export interface Declaration {
  readonly name: string;
  readonly kind: 'arg' | 'env';
  readonly instruction: InstructionNode;
  /** The value as written (unquoted), or null for `ARG NAME` without a default. */
  readonly value: string | null;
  readonly nameSpan: Span;
}

export interface Command {
  readonly instruction: InstructionNode;
  readonly form: CommandForm;
  /** The shell that runs a shell-form command: `/bin/sh -c` unless a SHELL instruction changed it. */
  readonly shell: readonly string[];
  /** Start of the command text (after HEALTHCHECK's `CMD`), as an index into `instruction.args.text`. */
  readonly textStart: number;
}

export interface Stage {
  readonly index: number;
  readonly name: string | null;
  readonly nameSpan: Span | null;
  readonly from: InstructionNode;
  /** The base image as written (variables unexpanded), or `scratch`. */
  readonly base: string;
  /** The earlier stage this one is built FROM, when its base names one. */
  readonly parent: Stage | null;
  readonly instructions: InstructionNode[];
  readonly declarations: Map<string, Declaration[]>;
  readonly commands: Command[];
  readonly shells: { index: number; argv: readonly string[] }[];
}

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
}

export interface Model {
  readonly source: SourceText;
  readonly ast: Dockerfile;
  readonly escapeChar: string;
  readonly instructions: readonly InstructionNode[];
  readonly globalArgs: readonly Declaration[];
  readonly stages: readonly Stage[];
  readonly problems: readonly SyntaxProblem[];
}

/** The instructions dockerfile-ast reads heredocs for (toolchain.md §7.8). */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

export function buildModel(text: string): Model {
  const source = new SourceText(text);
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter();
  const instructions: InstructionNode[] = [];
  const globalArgs: Declaration[] = [];
  const stages: Stage[] = [];
  const stagesByName = new Map<string, Stage>();
  // The last global ARG of each name: what `ARG NAME` in a stage brings into scope.
  const globalArgByName = new Map<string, Declaration>();
  const problems: SyntaxProblem[] = [];
  let stage: Stage | null = null;

  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const node = toNode(instruction, instructions.length, source, escapeChar, null);
      stage = newStage(node, stages, stagesByName, problems);
      (node as { stage: Stage | null }).stage = stage;
      stages.push(stage);
      instructions.push(node);
      continue;
    }
    const node = toNode(instruction, instructions.length, source, escapeChar, stage);
    instructions.push(node);
    if (!KNOWN_INSTRUCTIONS.has(keyword)) {
      problems.push({
        span: node.keywordSpan,
        message: `Unknown instruction \`${truncate(node.rawKeyword)}\`: Docker refuses to build this file.`,
      });
      continue;
    }
    for (const heredoc of node.heredocs) {
      if (!heredoc.terminated) {
        problems.push({
          span: heredoc.startSpan,
          message: `The heredoc \`<<${heredoc.name}\` is never closed by a line \`${heredoc.name}\`: everything after it, to the end of the file, becomes its body.`,
        });
      }
    }
    if (stage === null) {
      if (keyword === 'ARG')
        for (const declared of declarationsOf(node, 'arg')) {
          globalArgs.push(declared);
          globalArgByName.set(declared.name, declared);
        }
      else
        problems.push({
          span: node.keywordSpan,
          message: `\`${node.rawKeyword}\` comes before the first FROM; only ARG may: Docker refuses to build this file.`,
        });
      continue;
    }
    stage.instructions.push(node);
    recordInStage(stage, node, globalArgByName);
  }
  if (stages.length === 0) {
    // Docker refuses both an empty Dockerfile and one without FROM; say which, on the first line.
    problems.push({
      span: { start: 0, end: source.lineEnd(0) },
      message:
        instructions.length === 0
          ? 'The file has no instructions: Docker refuses to build an empty Dockerfile.'
          : 'There is no FROM instruction: this is not a buildable Dockerfile.',
    });
  }
  return { source, ast, escapeChar, instructions, globalArgs, stages, problems };
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function toNode(
  instruction: Instruction,
  index: number,
  source: SourceText,
  escapeChar: string,
  stage: Stage | null,
): InstructionNode {
  const span = source.spanOf(instruction.getRange());
  const keywordSpan = source.spanOf(instruction.getInstructionRange());
  const flags = flagsOf(instruction, source);
  const heredocs =
    HEREDOC_KEYWORDS.has(instruction.getKeyword()) && source.text.slice(span.start, span.end).includes('<<')
      ? heredocsOf(instruction, source)
      : [];
  // The command line ends where the first heredoc body starts: bodies are data, not arguments.
  let cut = Number.POSITIVE_INFINITY;
  for (const heredoc of heredocs) {
    const bodyStart = heredoc.body?.start ?? source.lineEnd(source.lineIndexAt(heredoc.startSpan.end));
    cut = Math.min(cut, source.lineEnd(source.lineIndexAt(Math.max(heredoc.startSpan.end, bodyStart - 1))));
  }
  const args = argumentsText(
    source.text,
    { start: keywordSpan.end, end: span.end },
    escapeChar,
    flags.length,
    cut,
  );
  const triggerAst = (
    instruction as unknown as { getTriggerInstruction?: () => Instruction | null }
  ).getTriggerInstruction?.();
  return {
    index,
    keyword: instruction.getKeyword().toUpperCase(),
    rawKeyword: source.slice(keywordSpan),
    span,
    keywordSpan,
    args,
    escapeChar,
    flags,
    heredocs,
    stage,
    ast: instruction,
    ...(triggerAst ? { trigger: toNode(triggerAst, index, source, escapeChar, stage) } : {}),
  };
}

interface WithFlags {
  getFlags(): { getName(): string; getValue(): string | null; getRange(): LspRange }[];
}
interface WithHeredocs {
  getHeredocs(): {
    getName(): string;
    getStartRange(): LspRange;
    getNameRange(): LspRange;
    getContentRange(): LspRange | null;
    getDelimiterRange(): LspRange | null;
  }[];
}

function flagsOf(instruction: Instruction, source: SourceText): Flag[] {
  const candidate = instruction as unknown as Partial<WithFlags>;
  if (typeof candidate.getFlags !== 'function') return [];
  return candidate
    .getFlags()
    .map((flag) => ({ name: flag.getName(), value: flag.getValue(), span: source.spanOf(flag.getRange()) }));
}

function heredocsOf(instruction: Instruction, source: SourceText): Heredoc[] {
  // `Add.getHeredocs()` exists at run time but is protected in the typings (toolchain.md §7.8).
  const candidate = instruction as unknown as Partial<WithHeredocs>;
  if (typeof candidate.getHeredocs !== 'function') return [];
  return candidate.getHeredocs().map((heredoc) => {
    const startSpan = source.spanOf(heredoc.getStartRange());
    const nameSpan = source.spanOf(heredoc.getNameRange());
    const content = heredoc.getContentRange();
    const quoteBefore = source.text[nameSpan.start - 1];
    return {
      name: heredoc.getName(),
      quoted: quoteBefore === '"' || quoteBefore === "'",
      startSpan,
      body: content ? source.spanOf(content) : null,
      terminated: heredoc.getDelimiterRange() !== null,
    };
  });
}

function newStage(
  from: InstructionNode,
  stages: readonly Stage[],
  stagesByName: Map<string, Stage>,
  problems: SyntaxProblem[],
): Stage {
  const words = splitWords(from.args.text, from.escapeChar);
  const base = words[0]?.value ?? '';
  let name: string | null = null;
  let nameSpan: Span | null = null;
  if (words.length >= 3 && words[1].value.toLowerCase() === 'as') {
    name = words[2].value;
    nameSpan = spanIn(from.args, words[2].start, words[2].end);
  }
  if (base === '')
    problems.push({
      span: from.keywordSpan,
      message: 'FROM has no base image: Docker refuses to build this file.',
    });
  else if (words.length !== 1 && words.length !== 3) {
    problems.push({
      span: from.span,
      message: 'FROM takes an image and an optional `AS name`: Docker refuses extra words.',
    });
  }
  // A map, not a search of the earlier stages: files with thousands of stages stay linear. The first stage of a
  // name wins, as a search from the start would find it.
  const parent = stagesByName.get(base.toLowerCase()) ?? null;
  const stage: Stage = {
    index: stages.length,
    name,
    nameSpan,
    from,
    base,
    parent,
    instructions: [],
    declarations: new Map(),
    commands: [],
    shells: [],
  };
  if (name !== null && !stagesByName.has(name.toLowerCase())) stagesByName.set(name.toLowerCase(), stage);
  return stage;
}

/** `ARG a=1 b` declares two names; `ENV a=1 b=2` two; legacy `ENV a value with spaces` one. */
export function declarationsOf(node: InstructionNode, kind: 'arg' | 'env'): Declaration[] {
  const words = splitWords(node.args.text, node.escapeChar);
  if (kind === 'env' && words.length > 0 && !words[0].raw.includes('=')) {
    const rest = node.args.text.slice(words[1]?.start ?? node.args.text.length).trim();
    return [declaration(node, kind, words[0], words[0].value, words.length > 1 ? rest : null)];
  }
  return words.map((word) => {
    const equals = word.raw.indexOf('=');
    if (equals === -1) return declaration(node, kind, word, word.value, null);
    const name = word.raw.slice(0, equals);
    return declaration(
      node,
      kind,
      { ...word, end: word.start + equals },
      name,
      word.value.slice(word.value.indexOf('=') + 1),
    );
  });
}

function declaration(
  node: InstructionNode,
  kind: 'arg' | 'env',
  word: Word,
  name: string,
  value: string | null,
): Declaration {
  return { name, kind, instruction: node, value, nameSpan: spanIn(node.args, word.start, word.end) };
}

function recordInStage(
  stage: Stage,
  node: InstructionNode,
  globalArgByName: ReadonlyMap<string, Declaration>,
): void {
  const add = (declaration: Declaration) => {
    const list = stage.declarations.get(declaration.name);
    if (list) list.push(declaration);
    else stage.declarations.set(declaration.name, [declaration]);
  };
  switch (node.keyword) {
    case 'ARG':
      for (const declared of declarationsOf(node, 'arg')) {
        // `ARG NAME` inside a stage brings the global ARG's default into scope.
        const global = declared.value === null ? globalArgByName.get(declared.name) : undefined;
        add(global ? { ...declared, value: global.value } : declared);
      }
      break;
    case 'ENV':
      for (const declared of declarationsOf(node, 'env')) add(declared);
      break;
    case 'SHELL': {
      const form = commandForm(node.args.text);
      if (form.kind === 'exec') stage.shells.push({ index: node.index, argv: form.argv });
      break;
    }
    case 'CMD':
    case 'ENTRYPOINT':
      stage.commands.push(commandOf(stage, node, 0));
      break;
    case 'HEALTHCHECK': {
      const match = /^\s*CMD\b\s*/i.exec(node.args.text);
      if (match) stage.commands.push(commandOf(stage, node, match[0].length));
      break;
    }
  }
}

function commandOf(stage: Stage, node: InstructionNode, textStart: number): Command {
  return {
    instruction: node,
    form: commandForm(node.args.text.slice(textStart)),
    shell: shellAt(stage, node.index),
    textStart,
  };
}

/** The shell in effect at an instruction: the last SHELL before it in its stage or its parent stages. */
export function shellAt(stage: Stage, index: number): readonly string[] {
  return explicitShellAt(stage, index) ?? DEFAULT_SHELL;
}

/** The stage and its local parents, nearest first: the stages whose instructions build its image. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | null = stage; current; current = current.parent) chain.push(current);
  return chain;
}

/** The first stage of the chain, the one built on an external image (or `scratch`). */
export function rootStage(stage: Stage): Stage {
  let root = stage;
  while (root.parent) root = root.parent;
  return root;
}

export function explicitShellAt(stage: Stage, index: number): readonly string[] | null {
  for (
    let current: Stage | null = stage, limit = index;
    current;
    limit = Number.POSITIVE_INFINITY, current = current.parent
  ) {
    const shell = lastShellBefore(current.shells, limit);
    if (shell) return shell.argv;
  }
  return null;
}

/** The last SHELL before instruction `index` in a stage's list (ordered by index): a binary search. */
function lastShellBefore(
  shells: Stage['shells'],
  index: number,
): { index: number; argv: readonly string[] } | undefined {
  let low = 0;
  let high = shells.length - 1;
  let found: Stage['shells'][number] | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (shells[mid].index < index) {
      found = shells[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The declaration of `name` visible at instruction `index` of `stage` (own stage first, then parents). */
export function lookup(stage: Stage, name: string, index: number): Declaration | undefined {
  for (
    let current: Stage | null = stage, limit = index;
    current;
    limit = Number.POSITIVE_INFINITY, current = current.parent
  ) {
    const list = current.declarations.get(name);
    if (list) {
      const found = lastBefore(list, limit);
      if (found) return found;
    }
  }
  return undefined;
}

function lastBefore(list: readonly Declaration[], index: number): Declaration | undefined {
  // Declarations are recorded in file order, so a binary search finds the last one before `index`.
  let low = 0;
  let high = list.length - 1;
  let found: Declaration | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].instruction.index < index) {
      found = list[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Every name an instruction can see, for "did you mean" suggestions. */
export function namesInScope(stage: Stage, index: number): string[] {
  const names = new Set<string>();
  for (
    let current: Stage | null = stage, limit = index;
    current;
    limit = Number.POSITIVE_INFINITY, current = current.parent
  ) {
    for (const [name, list] of current.declarations) if (lastBefore(list, limit)) names.add(name);
  }
  return [...names];
}

export function lastCommand(
  stage: Stage,
  keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK',
): Command | undefined {
  return stage.commands.findLast((command) => command.instruction.keyword === keyword);
}

export function finalStage(model: Model): Stage | undefined {
  return model.stages[model.stages.length - 1];
}
