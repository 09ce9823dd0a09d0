/**
 * A linear reader for the plain shell most RUN lines are: simple commands with literal or quoted words,
 * assignments before the program, redirections, joined by `&&`, `||`, `|`, `;` and newlines, with comments.
 * It gives exactly what mvdan-sh gives for such scripts (a test compares both on generated scripts), for a
 * fraction of the cost: mvdan-sh, as GopherJS, costs ~4 µs per byte to parse and ~25 µs per syntax node to
 * walk (bench/README.md), and recurses once per `&&` (a long chain overflows the stack).
 *
 * Parameter expansions (`$X`, `${X}`, `${X:-default}`, `$1`, `$@`) are read as words whose value is unknown,
 * and command substitutions (`$(...)`, and backquotes without backslashes) as scripts of their own, listed
 * after their command as mvdan-sh's walk lists them. `if`, `for`, `while`, `until`, `case` and subshells are read for
 * the commands inside them. Anything else returns null and goes to mvdan-sh: backslashes, `{ ...; }` groups,
 * here-documents, background jobs, `|&`, arithmetic, declaration builtins, control characters, unterminated
 * quotes, and any syntax error (so mvdan-sh words the message).
 */

export interface QuickWord {
  /** The word without its quotes; null when it holds a parameter expansion (`$X`, `${X:-d}`). */
  readonly value: string | null;
  readonly start: number;
  readonly end: number;
}

export interface QuickCall {
  /** Program and arguments. */
  readonly words: readonly QuickWord[];
  readonly assignments: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly piped: boolean;
}

export interface QuickScript {
  readonly calls: readonly QuickCall[];
  readonly hasPipe: boolean;
}

/** Words that are syntax, not a program, when they start a command (bash's reserved words and mvdan's clauses). */
const NOT_A_PROGRAM = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  'function',
  'select',
  'time',
  'coproc',
  '[[',
  ']]',
  '!',
  '{',
  '}',
  'declare',
  'local',
  'export',
  'readonly',
  'typeset',
  'nameref',
  'let',
]);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const NEEDS_FULL_PARSER = /^[A-Za-z_][A-Za-z0-9_]*(?:\+=|\[)/;

interface RawWord extends QuickWord {
  /** The word as written, quotes included. */
  readonly raw: string;
  /** Whether any part of it was quoted. */
  readonly quoted: boolean;
  /** Commands of the `$(...)` substitutions inside it, in order. */
  readonly inner: readonly QuickCall[];
}

interface List {
  readonly calls: QuickCall[];
  /** Where the list stopped: the end, the `)` of a `$(`, or the start of its stop word. */
  readonly end: number;
  /** The stop word that ended it, if any. */
  readonly stoppedAt: string | null;
  /** Statements read, commands or not (`export A=1` is one, with no command). */
  readonly statements: number;
}

/** A pipeline element: a simple command, or a statement whose commands are all inside (`if`, `export`). */
type Element =
  | { readonly words: RawWord[]; readonly assignments: RawWord[] }
  | { readonly hidden: readonly QuickCall[] };

const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const DECLARATION_ARGUMENT = /^(?:-[A-Za-z]+|[A-Za-z_][A-Za-z0-9_]*(?:=.*)?)$/s;
const IF_CONDITION_STOP = new Set(['then']);
const IF_BODY_STOP = new Set(['elif', 'else', 'fi']);
const IF_ELSE_STOP = new Set(['fi']);
/** Compound commands the reader reads for the commands inside them (`clause()`). */
const CLAUSE_KEYWORDS = new Set(['if', 'for', 'while', 'until', 'case']);
const LOOP_CONDITION_STOP = new Set(['do']);
const LOOP_BODY_STOP = new Set(['done']);
/** A case item's commands end at `;;`, `;&` or `;;&`, or, for the last item, at `esac`. */
const CASE_ITEM_STOP = new Set([';;', 'esac']);
const LOOP_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A compound command read for its commands; `end` is just past its closing word. */
interface Clause {
  readonly calls: QuickCall[];
  readonly end: number;
}

/** Returns null whenever the script needs the full parser. */
export function quickParse(script: string): QuickScript | null {
  const reader = new QuickReader(script);
  const list = reader.list(0, false, null);
  if (list === null || list.end !== script.length) return null;
  return { calls: list.calls, hasPipe: reader.hasPipe };
}

const BLANK_OR_OPERATOR = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>']);

class QuickReader {
  hasPipe = false;

  constructor(private readonly script: string) {}

  /**
   * A list of pipelines from `start`: to the end of the script, or (`inner`) to the `)` closing a `$(`, or to
   * one of the `stop` words in command position (`then`, `fi`...). Null when the full parser is needed.
   */
  list(start: number, inner: boolean, stop: ReadonlySet<string> | null): List | null {
    const script = this.script;
    const n = script.length;
    const calls: QuickCall[] = [];
    let i = start;
    let words: RawWord[] = [];
    let assignments: RawWord[] = [];
    let redirected = false;
    let pipeline: Element[] = [];
    // After `&&`, `||` or `|` a command must follow (newlines may come first).
    let needCommand = false;
    // `export ...`: the words are read, but mvdan-sh has no command for it, only for substitutions inside.
    let declaration = false;
    // A finished `if ... fi` (or its calls) waiting for the operator that ends it.
    let hidden: QuickCall[] | null = null;
    let statements = 0;

    const endCommand = (): boolean => {
      if (hidden !== null) pipeline.push({ hidden });
      else if (words.length === 0 && assignments.length === 0) return false;
      else if (declaration) pipeline.push({ hidden: words.flatMap((word) => word.inner) });
      else pipeline.push({ words, assignments });
      words = [];
      assignments = [];
      redirected = false;
      declaration = false;
      hidden = null;
      statements++;
      return true;
    };
    const pending = () => words.length > 0 || assignments.length > 0 || hidden !== null;
    const endPipeline = () => {
      const piped = pipeline.length > 1;
      if (piped) this.hasPipe = true;
      for (const command of pipeline) {
        if ('hidden' in command) {
          for (const call of command.hidden) calls.push(piped && !call.piped ? { ...call, piped } : call);
          continue;
        }
        const first = command.assignments[0] ?? command.words[0];
        const last = command.words.at(-1) ?? command.assignments.at(-1) ?? first;
        calls.push({
          words: command.words.map(({ value, start, end }) => ({ value, start, end })),
          assignments: command.assignments.map((word) => word.raw.slice(0, word.raw.indexOf('='))),
          start: first.start,
          end: last.end,
          piped,
        });
        // mvdan-sh's walk meets a substitution's commands after their command; inside a pipeline they lie within
        // its range, so they count as piped too.
        for (const word of [...command.assignments, ...command.words])
          for (const call of word.inner) calls.push(piped && !call.piped ? { ...call, piped } : call);
      }
      pipeline = [];
    };

    while (i < n) {
      const ch = script[i];
      if (ch === ' ' || ch === '\t') {
        i++;
        continue;
      }
      if (ch === ')' && inner) break;
      if (ch === '\n') {
        if (pending()) {
          endCommand();
          endPipeline();
        } else if (redirected) return null;
        i++;
        continue;
      }
      if (ch === '#') {
        // At the start of a word: a comment to the end of the line.
        while (i < n && script[i] !== '\n') i++;
        continue;
      }
      if (ch === ';') {
        if (script[i + 1] === ';' || script[i + 1] === '&') {
          // `;;`, `;&`, `;;&`: the end of a case item, and nothing else.
          if (!stop?.has(';;') || needCommand) return null;
          if (pending()) {
            endCommand();
            endPipeline();
          } else if (redirected || pipeline.length > 0) return null;
          return { calls, end: i, stoppedAt: ';;', statements };
        }
        if (needCommand) return null;
        if (!endCommand()) return null;
        endPipeline();
        i++;
        continue;
      }
      if (ch === '&' || ch === '|') {
        const next = script[i + 1];
        if (ch === '&' && next === '>') {
          // `&>file`, `&>>file`: stdout and stderr.
          const after = this.redirectTarget(i + (script[i + 2] === '>' ? 3 : 2));
          if (after === -1) return null;
          if (declaration) return null;
          redirected = true;
          i = after;
          continue;
        }
        if (next === ch) {
          // `&&` or `||`: ends the pipeline; a command must follow.
          if (needCommand || !endCommand()) return null;
          endPipeline();
          needCommand = true;
          i += 2;
          continue;
        }
        if (ch === '|' && next !== '&') {
          if (needCommand || !endCommand()) return null;
          needCommand = true;
          i++;
          continue;
        }
        return null; // `&` (background), `|&`
      }
      if (ch === '<' || ch === '>') {
        const after = this.redirect(i);
        if (after === -1) return null;
        if (declaration) return null;
        redirected = true;
        i = after;
        continue;
      }
      if (ch === '(') {
        // `( LIST )`, a subshell, read for its commands; `((` is arithmetic.
        if (pending() || script[i + 1] === '(') return null;
        const subshell = this.list(i + 1, true, null);
        if (subshell === null || subshell.statements === 0) return null;
        hidden = subshell.calls;
        needCommand = false;
        i = subshell.end + 1;
        continue;
      }
      const word = this.word(i);
      if (word === null || hidden !== null) return null;
      if ((script[word.end] === '>' || script[word.end] === '<') && /^\d+$/.test(word.raw)) {
        // `2>/dev/null`: the digits are the redirected file descriptor, not a word.
        const after = this.redirect(word.end);
        if (after === -1) return null;
        if (declaration) return null;
        redirected = true;
        i = after;
        continue;
      }
      if (declaration) {
        if (!DECLARATION_ARGUMENT.test(word.raw)) return null;
      } else if (words.length === 0 && assignments.length === 0 && !word.quoted && stop?.has(word.raw)) {
        if (needCommand) return null;
        return { calls, end: word.start, stoppedAt: word.raw, statements };
      } else if (
        words.length === 0 &&
        assignments.length === 0 &&
        !word.quoted &&
        CLAUSE_KEYWORDS.has(word.raw)
      ) {
        const clause = this.clause(word.raw, word.end);
        if (clause === null) return null;
        hidden = clause.calls;
        needCommand = false;
        i = clause.end;
        continue;
      } else if (
        words.length === 0 &&
        assignments.length === 0 &&
        !word.quoted &&
        DECLARATIONS.has(word.raw)
      ) {
        declaration = true;
      } else if (words.length === 0) {
        if (NEEDS_FULL_PARSER.test(word.raw)) return null;
        if (ASSIGNMENT.test(word.raw)) {
          assignments.push(word);
          needCommand = false;
          i = word.end;
          continue;
        }
        if (!word.quoted && NOT_A_PROGRAM.has(word.raw)) return null;
        if (word.raw.includes('=')) return null;
      }
      words.push(word);
      needCommand = false;
      i = word.end;
    }
    if (needCommand || stop !== null) return null;
    if (inner && script[i] !== ')') return null;
    if (pending()) {
      endCommand();
      endPipeline();
    } else if (redirected || pipeline.length > 0) return null;
    return { calls, end: i, stoppedAt: null, statements };
  }

  private clause(keyword: string, from: number): Clause | null {
    if (keyword === 'if') return this.ifClause(from);
    if (keyword === 'for') return this.forClause(from);
    if (keyword === 'case') return this.caseClause(from);
    return this.loopClause(from);
  }

  /** `if LIST; then LIST; [elif LIST; then LIST;]... [else LIST;] fi` from after the `if`: its calls in order. */
  private ifClause(from: number): Clause | null {
    const calls: QuickCall[] = [];
    let at = from;
    for (;;) {
      const condition = this.list(at, false, IF_CONDITION_STOP);
      if (condition === null || condition.statements === 0) return null;
      const body = this.list(condition.end + 4, false, IF_BODY_STOP);
      if (body === null || body.statements === 0) return null;
      calls.push(...condition.calls, ...body.calls);
      if (body.stoppedAt === 'elif') {
        at = body.end + 4;
        continue;
      }
      if (body.stoppedAt === 'else') {
        const otherwise = this.list(body.end + 4, false, IF_ELSE_STOP);
        if (otherwise === null || otherwise.statements === 0) return null;
        calls.push(...otherwise.calls);
        return { calls, end: otherwise.end + 2 };
      }
      return { calls, end: body.end + 2 };
    }
  }

  /** `while LIST; do LIST; done` (or `until`) from after the keyword: the condition's calls, then the body's. */
  private loopClause(from: number): Clause | null {
    const condition = this.list(from, false, LOOP_CONDITION_STOP);
    if (condition === null || condition.statements === 0) return null;
    const body = this.doGroup(condition.end);
    return body && { calls: [...condition.calls, ...body.calls], end: body.end };
  }

  /**
   * `for NAME [in WORDS]; do LIST; done` from after the `for`: the calls of substitutions in WORDS, then the
   * body's, the order of mvdan-sh's walk. `for ((...))` goes to mvdan-sh.
   */
  private forClause(from: number): Clause | null {
    const name = this.clauseWord(this.skip(from, ' \t'));
    if (name === null || !LOOP_VARIABLE.test(name.raw)) return null;
    const calls: QuickCall[] = [];
    let at = this.skip(name.end, ' \t');
    const keyword = this.clauseWord(at);
    if (keyword !== null && keyword.raw === 'in') {
      at = keyword.end;
      for (;;) {
        at = this.skip(at, ' \t');
        if (at >= this.script.length || this.script[at] === ';' || this.script[at] === '\n') break;
        const item = this.clauseWord(at);
        if (item === null) return null;
        calls.push(...item.inner);
        at = item.end;
      }
    }
    if (this.script[at] === ';') at++;
    else if (this.script[at] !== '\n') return null;
    const body = this.doGroup(this.skip(at, ' \t\n'));
    return body && { calls: [...calls, ...body.calls], end: body.end };
  }

  /** `do LIST; done` at `at`. */
  private doGroup(at: number): Clause | null {
    const keyword = this.clauseWord(at);
    if (keyword === null || keyword.raw !== 'do') return null;
    const body = this.list(keyword.end, false, LOOP_BODY_STOP);
    if (body === null || body.statements === 0) return null;
    return { calls: body.calls, end: body.end + 4 };
  }

  /**
   * `case WORD in [(]PATTERN[|PATTERN]...) LIST ;; ... esac` from after the `case`: the calls of substitutions
   * in WORD, then each item's. Patterns with substitutions go to mvdan-sh.
   */
  private caseClause(from: number): Clause | null {
    const subject = this.clauseWord(this.skip(from, ' \t'));
    if (subject === null) return null;
    const calls = [...subject.inner];
    const keyword = this.clauseWord(this.skip(subject.end, ' \t\n'));
    if (keyword === null || keyword.raw !== 'in') return null;
    let at = keyword.end;
    for (;;) {
      at = this.skip(at, ' \t\n');
      const first = this.clauseWord(at);
      if (first !== null && first.raw === 'esac') return { calls, end: first.end };
      if (this.script[at] === '(') at++;
      // Patterns, separated by `|`, up to `)`.
      for (;;) {
        const pattern = this.clauseWord(this.skip(at, ' \t'));
        if (pattern === null || pattern.inner.length > 0) return null;
        at = this.skip(pattern.end, ' \t');
        if (this.script[at] === ')') break;
        if (this.script[at] !== '|') return null;
        at++;
      }
      const item = this.list(at + 1, false, CASE_ITEM_STOP);
      if (item === null) return null;
      calls.push(...item.calls);
      if (item.stoppedAt === 'esac') return { calls, end: item.end + 4 };
      // Past `;;`, `;&` or `;;&`.
      at = item.end + (this.script.startsWith(';;&', item.end) ? 3 : 2);
    }
  }

  /** A word inside a compound command's syntax; null at a `#`, which starts a comment there. */
  private clauseWord(at: number): RawWord | null {
    return this.script[at] === '#' ? null : this.word(at);
  }

  private skip(from: number, characters: string): number {
    let i = from;
    while (i < this.script.length && characters.includes(this.script[i])) i++;
    return i;
  }

  /** `>`, `>>`, `<`, `>&` (optionally after a descriptor number) and their target word; -1 if unsupported. */
  private redirect(at: number): number {
    const ch = this.script[at];
    const next = this.script[at + 1];
    let i = at + 1;
    if (ch === '>' && (next === '>' || next === '&')) i++;
    else if (ch === '>' && (next === '|' || next === '(')) return -1;
    else if (ch === '<' && (next === '<' || next === '>' || next === '&' || next === '(')) return -1;
    return this.redirectTarget(i);
  }

  private redirectTarget(from: number): number {
    let i = from;
    while (this.script[i] === ' ' || this.script[i] === '\t') i++;
    const target = this.word(i);
    // mvdan-sh walks redirections after the command's words: a substitution here would change the order.
    return target === null || target.inner.length > 0 ? -1 : target.end;
  }

  /**
   * One word from `start` (not a blank or operator): unquoted characters, quoted runs, expansions, up to a
   * blank, an operator or the end. Null for anything the quick reader does not handle.
   */
  private word(start: number): RawWord | null {
    const script = this.script;
    const n = script.length;
    let value = '';
    let expands = false;
    let quoted = false;
    const inner: QuickCall[] = [];
    let i = start;
    // Reads `$...` at `at`; returns its end, or -1.
    const expansion = (at: number): number => {
      if (script[at + 1] === '(') {
        if (script[at + 2] === '(') return -1; // arithmetic
        const list = this.list(at + 2, true, null);
        if (list === null) return -1;
        inner.push(...list.calls);
        expands = true;
        return list.end + 1;
      }
      const end = parameter(script, at);
      if (end !== -1) expands = true;
      return end;
    };
    // Reads the backquoted substitution at `at`; returns its end, or -1. With no backslash (which changes
    // meaning inside backquotes) and no comment or newline, it is read as `$(...)` is.
    const backquoted = (at: number): number => {
      const close = script.indexOf('`', at + 1);
      if (close === -1) return -1;
      const body = script.slice(at + 1, close);
      if (body.includes('\\') || body.includes('#') || body.includes('\n')) return -1;
      // A reader of the script cut at the closing backquote keeps every offset.
      const reader = new QuickReader(script.slice(0, close));
      const list = reader.list(at + 1, false, null);
      if (list === null || list.end !== close) return -1;
      if (reader.hasPipe) this.hasPipe = true;
      inner.push(...list.calls);
      expands = true;
      return close + 1;
    };
    while (i < n) {
      const ch = script[i];
      const code = ch.charCodeAt(0);
      if (BLANK_OR_OPERATOR.has(ch)) break;
      if (code < 0x20 || code === 0x7f) return null;
      if (ch === "'") {
        const close = script.indexOf("'", i + 1);
        if (close === -1) return null;
        const text = script.slice(i + 1, close);
        if (text.includes('\n') || hasControl(text)) return null;
        value += text;
        quoted = true;
        i = close + 1;
        continue;
      }
      if (ch === '"') {
        let close = i + 1;
        while (close < n && script[close] !== '"') {
          const c = script[close];
          if (c === '$' || c === '`') {
            close = c === '$' ? expansion(close) : backquoted(close);
            if (close === -1) return null;
            continue;
          }
          if (c === '\\' || c === '\n' || c.charCodeAt(0) < 0x20 || c === '\x7f') return null;
          let j = close + 1;
          while (j < n && isPlainInDoubleQuotes(script.charCodeAt(j))) j++;
          value += j === close + 1 ? c : script.slice(close, j);
          close = j;
        }
        if (close >= n) return null;
        quoted = true;
        i = close + 1;
        continue;
      }
      if (ch === '$' || ch === '`') {
        i = ch === '$' ? expansion(i) : backquoted(i);
        if (i === -1) return null;
        continue;
      }
      if (ch === '\\' || ch === '(' || ch === ')' || ch === '{' || ch === '}' || ch === '!' || ch === '\r')
        break;
      // A run of plain characters, taken as one slice.
      let j = i + 1;
      while (j < n && isPlain(script.charCodeAt(j))) j++;
      value += j === i + 1 ? ch : script.slice(i, j);
      i = j;
    }
    // A word stops at `)` (the end of a `$(`); any other of these characters needs the full parser.
    if (i < n && script[i] !== ')' && !BLANK_OR_OPERATOR.has(script[i])) return null;
    if (i === start) return null;
    return { value: expands ? null : value, start, end: i, raw: script.slice(start, i), quoted, inner };
  }
}

/** Characters with no meaning to the word reader outside quotes: blanks, operators, quotes, `$`, `\\`... do. */
const NOT_PLAIN = new Set([...' \t\n;&|<>\'"$`\\(){}!'].map((c) => c.charCodeAt(0)));
const NOT_PLAIN_IN_DOUBLE_QUOTES = new Set([...'"$`\\'].map((c) => c.charCodeAt(0)));

function isPlain(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !NOT_PLAIN.has(code);
}

function isPlainInDoubleQuotes(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !NOT_PLAIN_IN_DOUBLE_QUOTES.has(code);
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;
/** `${NAME}` or `${NAME:-word}` (and `-`, `=`, `?`, `+`, with or without `:`) with a plain default. */
const BRACED_PARAMETER = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][A-Za-z0-9_./:@%+,-]*)?\}/;

/** End of the parameter expansion starting at the `$` at `at`, or -1 when only mvdan-sh may read it. */
function parameter(script: string, at: number): number {
  const next = script[at + 1] ?? '';
  if (NAME_START.test(next)) {
    let i = at + 2;
    while (i < script.length && NAME_CHAR.test(script[i])) i++;
    return i;
  }
  if (next === '{') {
    const match = BRACED_PARAMETER.exec(script.slice(at, at + 256));
    return match ? at + match[0].length : -1;
  }
  if (SPECIAL_PARAMETER.test(next)) return at + 2;
  return -1;
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}
