/**
 * The shell scripts a RUN executes, with a way back to source positions: the command line of a shell-form
 * RUN, the script of an exec-form `["sh", "-c", "..."]`, the one command of any other exec form
 * (`["apt-get", "install", "curl"]`, read as a shell would read the same words quoted), and heredoc bodies the
 * shell runs (`RUN <<EOF` or `RUN bash <<EOF`; not `RUN python3 <<EOF`, whose body is Python). A shell-form
 * RUN yields nothing when the stage's SHELL is not a POSIX shell (PowerShell, cmd): POSIX rules do not apply
 * there; the exec form runs no SHELL, so it is read under any.
 */
import { commandForm, spanIn } from './lexer.js';
import { explicitShellAt, type InstructionNode } from './model.js';
import { parseShell, type ShellScript } from './shell.js';
import { shellInvocation } from './shell-wrapper.js';
import type { Span } from './source.js';

export interface RunScript {
  readonly text: string;
  readonly shell: ShellScript;
  /** Source span of a part of `text` (offsets into it, end exclusive). */
  spanOf(start: number, end: number): Span;
  /** `exec`: an exec form that starts no shell, its words quoted into one command; no fix can edit it. */
  readonly kind: 'command-line' | 'exec-shell-c' | 'exec' | 'heredoc';
}

const POSIX_SHELL = /^(?:.*[/\\])?(?:sh|bash|ash|dash|zsh|ksh|mksh|busybox)(?:\.exe)?$/i;
const HEREDOC_ONLY =
  /^\s*(?:(?:\/\S*\/)?(?:sh|bash|ash|dash|zsh)\s+(?:-\S+\s+)*)?(?:<<-?\s*["']?[A-Za-z_][\w.-]*["']?\s*)+$/;

/** Whether shell-form RUNs of the instruction's stage run under a POSIX shell at that point. */
export function runsPosixShell(node: InstructionNode): boolean {
  if (!node.stage) return true;
  const shell = explicitShellAt(node.stage, node.index);
  return shell === null || POSIX_SHELL.test(shell[0] ?? '');
}

/** Rules ask for the same RUN's scripts one after another (every package rule walks every RUN): read them once. */
const memo = new WeakMap<InstructionNode, RunScript[]>();

export function runScripts(node: InstructionNode, source: string): RunScript[] {
  const known = memo.get(node);
  if (known) return known;
  const scripts = readRunScripts(node, source);
  memo.set(node, scripts);
  return scripts;
}

function readRunScripts(node: InstructionNode, source: string): RunScript[] {
  if (node.keyword !== 'RUN') return [];
  const args = node.args;
  const form = commandForm(args.text);
  if (form.kind === 'exec') {
    const shellC = shellInvocation(form.argv);
    if (!shellC) return form.argv.length > 0 ? [execCommand(form.argv, form.elements, args)] : [];
    const element = form.elements[shellC.scriptIndex];
    const span = element ? spanIn(args, element.start, element.end) : spanIn(args, 0, args.text.length);
    const text = form.argv[shellC.scriptIndex];
    return [{ text, shell: parseShell(text), kind: 'exec-shell-c', spanOf: () => span }];
  }
  if (!runsPosixShell(node)) return [];
  const scripts: RunScript[] = [];
  if (node.heredocs.length === 0 || !HEREDOC_ONLY.test(args.text)) {
    // `RUN cat <<EOF > /etc/x.conf`: the shell needs the here-documents to read the command line; positions
    // past the command line (inside the bodies) are reported on the command line's end.
    const bodies = node.heredocs.map(
      (heredoc) =>
        `\n${heredoc.body ? source.slice(heredoc.body.start, heredoc.body.end) : ''}\n${heredoc.name}`,
    );
    const text = args.text + bodies.join('');
    const limit = args.text.length;
    scripts.push({
      text,
      shell: parseShell(text),
      kind: 'command-line',
      spanOf: (start, end) => spanIn(args, Math.min(start, limit), Math.min(Math.max(start, end), limit)),
    });
  }
  if (HEREDOC_ONLY.test(args.text)) {
    for (const heredoc of node.heredocs) {
      if (!heredoc.body) continue;
      const body = heredoc.body;
      const text = source.slice(body.start, body.end);
      scripts.push({
        text,
        shell: parseShell(text),
        kind: 'heredoc',
        spanOf: (start, end) => ({ start: body.start + start, end: body.start + Math.max(start, end) }),
      });
    }
  }
  return scripts;
}

/**
 * `RUN ["apt-get", "install", "curl"]` as the one command a shell would read from the same words single-quoted,
 * so the package rules read it like any other; a position in that text maps back to the JSON string it came from.
 */
function execCommand(
  argv: readonly string[],
  elements: readonly { start: number; end: number }[],
  args: InstructionNode['args'],
): RunScript {
  const pieces: { start: number; end: number; span: Span }[] = [];
  let text = '';
  argv.forEach((value, index) => {
    if (index > 0) text += ' ';
    const quoted = `'${value.replace(/'/g, `'\\''`)}'`;
    const element = elements[index];
    const span = element ? spanIn(args, element.start, element.end) : spanIn(args, 0, args.text.length);
    pieces.push({ start: text.length, end: text.length + quoted.length, span });
    text += quoted;
  });
  const pieceAt = (offset: number) => pieces.find((piece) => offset < piece.end) ?? pieces[pieces.length - 1];
  return {
    text,
    shell: parseShell(text),
    kind: 'exec',
    spanOf: (start, end) => ({
      start: pieceAt(start).span.start,
      end: pieceAt(Math.max(start, end - 1)).span.end,
    }),
  };
}
