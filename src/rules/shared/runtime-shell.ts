/**
 * Whether the script of an exec-form `["sh", "-c", "..."]` wrapper leaves the shell running as PID 1.
 *
 * A shell replaces itself with its last command only in some cases, measured and read from the shells'
 * sources (2026-11): Debian's and Ubuntu's `/bin/sh` (dash, patched by Debian to drop the optimisation)
 * never does; bash does for a lone simple command without redirections, and since 5.1 for the last simple
 * command of a `&&` / `||` / `;` list; BusyBox ash (Alpine's `/bin/sh`) does for the last simple command,
 * redirections included. No shell does for a pipeline, or when a trap is set. Scripts are read with
 * mvdan/sh's parser; when the reading is not certain, the verdict leans towards silence.
 */
import type { BinaryCmd, CallExpr, Node, Stmt, Word } from 'mvdan-sh';
import { byteToIndex, shellModule } from '../../engine/shell.js';

// mvdan-sh is loaded lazily by the engine (`prepareEngine()`, src/engine/shell.ts): a static import would pull
// its 1.5 MB back into the action's start-up. This getter reads the loaded module when the rule runs.
const sh = {
  get syntax() {
    return shellModule().syntax;
  },
};

export type WrapperVerdict =
  | { readonly kind: 'fine' }
  | {
      readonly kind: 'no-exec';
      /** `simple`: one command; `chain`: the last of a list; `pipeline`: ends in `a | b`; `unclear`: compound or unparsable. */
      readonly shape: 'simple' | 'chain' | 'pipeline' | 'unclear';
      /** The program the shell keeps waiting for, when it is a literal word. */
      readonly program: string | null;
      /** Where `exec ` goes in the script, or null when inserting it is not a sure repair. */
      readonly execAt: number | null;
      readonly safety: 'safe' | 'unsafe';
    };

const FINE: WrapperVerdict = { kind: 'fine' };
// mvdan/sh's BinCmdOperator values as GopherJS exposes them: `&&` 10, `||` 11, `|` 12, `|&` 13.
const AND_OR = new Set([10, 11]);
const PIPES = new Set([12, 13]);
const BASH_LIKE = /^(bash|zsh|ksh|ksh93|mksh)$/;
/**
 * Builtins that cannot or need not be `exec`ed: they run inside the shell (`exec cd` fails), or end it at
 * once (`echo`, `true`), or are part of deliberate process handling (`wait`).
 */
const BUILTINS = new Set([
  '.',
  ':',
  '[',
  '[[',
  'alias',
  'bg',
  'break',
  'builtin',
  'cd',
  'command',
  'continue',
  'declare',
  'echo',
  'eval',
  'exit',
  'export',
  'false',
  'fg',
  'getopts',
  'hash',
  'jobs',
  'kill',
  'let',
  'local',
  'printf',
  'pwd',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'source',
  'test',
  'times',
  'trap',
  'true',
  'type',
  'typeset',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'wait',
]);

let parser: ReturnType<typeof sh.syntax.NewParser> | null = null;

/**
 * The verdict on a wrapper script run by `shell` (a basename such as `sh` or `bash`). `busyboxLikely`
 * says that `sh` is BusyBox ash (an Alpine or BusyBox base image).
 */
export function analyseWrapperScript(script: string, shell: string, busyboxLikely: boolean): WrapperVerdict {
  if (script.trim() === '' || /\btrap\b/.test(script)) return FINE;
  const mentionsExec = /(^|[\s;&|(){}`])exec(\s|$)/.test(script);
  const busybox = shell === 'ash' || (shell === 'sh' && busyboxLikely);
  parser ??= sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
  let statements: Stmt[];
  try {
    statements = parser.Parse(script, '').Stmts;
  } catch {
    return mentionsExec ? FINE : unclear();
  }
  const last = statements[statements.length - 1];
  if (!last || last.Background || last.Negated || runsExec(last)) return FINE;

  let hasFunctions = false;
  let hasSubstitution = false;
  for (const statement of statements)
    sh.syntax.Walk(statement, (node) => {
      if (!node) return true;
      const type = sh.syntax.NodeType(node);
      if (type === 'FuncDecl') hasFunctions = true;
      else if (type === 'CmdSubst' || type === 'ProcSubst') hasSubstitution = true;
      return true;
    });

  let chained = statements.length > 1;
  let tail: Stmt = last;
  while (tail.Cmd && sh.syntax.NodeType(tail.Cmd) === 'BinaryCmd') {
    const binary = tail.Cmd as BinaryCmd;
    if (PIPES.has(binary.Op)) {
      return {
        kind: 'no-exec',
        shape: 'pipeline',
        program: programOf(firstCall(binary)),
        execAt: null,
        safety: 'unsafe',
      };
    }
    if (!AND_OR.has(binary.Op)) return mentionsExec || busybox ? FINE : unclear();
    chained = true;
    tail = binary.Y;
  }
  const command = tail.Cmd;
  if (!command || sh.syntax.NodeType(command) !== 'CallExpr' || hasFunctions)
    return mentionsExec || busybox ? FINE : unclear();
  if (tail.Negated || tail.Background) return FINE;

  const call = command as CallExpr;
  const first = call.Args[0];
  if (!first) return FINE; // only assignments: nothing to replace the shell with
  const program = literal(first);
  if (program !== null && BUILTINS.has(program.split('/').pop() ?? program)) return FINE;
  if (busybox) return FINE;
  // Only bash was seen keeping running for a command with redirections; for zsh and ksh it is not known.
  if (BASH_LIKE.test(shell) && (shell !== 'bash' || redirectionCount(tail) === 0)) return FINE;

  const plainProgram = program !== null && /^[\w./+-]+$/.test(program);
  const allArguments = script.slice(byteToIndex(script)(first.Pos().Offset())).startsWith('"$@"');
  const safe = !chained && call.Assigns.length === 0 && !hasSubstitution && (plainProgram || allArguments);
  return {
    kind: 'no-exec',
    shape: chained ? 'chain' : 'simple',
    program,
    execAt: byteToIndex(script)(first.Pos().Offset()),
    safety: safe ? 'safe' : 'unsafe',
  };
}

function unclear(): WrapperVerdict {
  return { kind: 'no-exec', shape: 'unclear', program: null, execAt: null, safety: 'unsafe' };
}

/** Whether `exec` runs anywhere in the statement, so that it may already replace the shell. */
function runsExec(statement: Stmt): boolean {
  let found = false;
  sh.syntax.Walk(statement, (node) => {
    if (found || !node) return !found;
    if (sh.syntax.NodeType(node) === 'CallExpr') {
      const first = (node as CallExpr).Args[0];
      if (first && literal(first) === 'exec') found = true;
    }
    return !found;
  });
  return found;
}

/** The first command of a pipeline: the program whose output the rest of it reads. */
function firstCall(binary: BinaryCmd): CallExpr | null {
  let node: Node | null = binary.X.Cmd;
  while (node && sh.syntax.NodeType(node) === 'BinaryCmd') node = (node as BinaryCmd).X.Cmd;
  return node && sh.syntax.NodeType(node) === 'CallExpr' ? (node as CallExpr) : null;
}

function programOf(call: CallExpr | null): string | null {
  const first = call?.Args[0];
  return first ? literal(first) : null;
}

/** The value of a word made only of literal text and quotes; null when anything in it expands. */
function literal(word: Word): string | null {
  let value = '';
  const visit = (parts: readonly { Value?: string; Parts?: unknown[] }[]): boolean => {
    for (const part of parts) {
      const type = sh.syntax.NodeType(part as Node);
      if (type === 'Lit' || type === 'SglQuoted') value += part.Value ?? '';
      else if (type === 'DblQuoted') {
        if (!visit((part.Parts ?? []) as { Value?: string; Parts?: unknown[] }[])) return false;
      } else return false;
    }
    return true;
  };
  return visit(word.Parts) ? value : null;
}

function redirectionCount(statement: Stmt): number {
  return statement.Redirs?.length ?? 0;
}

/** mvdan/sh counts offsets in UTF-8 bytes; JavaScript strings index UTF-16 code units. */
