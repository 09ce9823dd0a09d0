/**
 * Where the variable references of an instruction are, and who expands them: Docker itself (the
 * instructions BuildKit's UndefinedVar checks), the shell of a RUN or of a shell-form command, or nobody
 * (exec form). Every reference comes with its span in the source, so findings point at the `$NAME`.
 */
import { commandForm, scanVariables, spanIn, type VariableRef } from '../../engine/lexer.js';
import type { Heredoc, InstructionNode, Model } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';
import { shellWrapperScript } from './commands.js';

export interface Reference extends VariableRef {
  readonly span: Span;
  /** Set when the reference sits in a heredoc body. */
  readonly heredoc?: Heredoc;
}

/** A piece of text scanned on its own, with the way back from its indexes to source offsets. */
export interface Piece {
  readonly text: string;
  readonly toSpan: (start: number, end: number) => Span;
  readonly heredoc?: Heredoc;
}

/** Flags whose values BuildKit expands (COPY/ADD ownership, mode and checksum; RUN mounts). */
const EXPANDED_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  COPY: new Set(['chown', 'chmod']),
  ADD: new Set(['chown', 'chmod', 'checksum']),
  RUN: new Set(['mount']),
};

/** Instructions whose whole argument text Docker expands (ARG is handled per default, FROM by its own rules). */
const EXPANDED_ARGUMENTS = new Set([
  'ENV',
  'LABEL',
  'COPY',
  'ADD',
  'WORKDIR',
  'USER',
  'VOLUME',
  'STOPSIGNAL',
  'EXPOSE',
]);

function argsPiece(node: InstructionNode, from = 0): Piece {
  return {
    text: node.args.text.slice(from),
    toSpan: (start, end) => spanIn(node.args, from + start, from + end),
  };
}

function rawPiece(model: Model, span: Span, heredoc?: Heredoc): Piece {
  return {
    text: model.source.text.slice(span.start, span.end),
    toSpan: (start, end) => ({ start: span.start + start, end: span.start + end }),
    heredoc,
  };
}

function flagValuePieces(
  model: Model,
  node: InstructionNode,
  names: ReadonlySet<string> | undefined,
): Piece[] {
  if (!names) return [];
  const pieces: Piece[] = [];
  for (const flag of node.flags) {
    if (!names.has(flag.name.toLowerCase())) continue;
    const raw = model.source.slice(flag.span);
    const equals = raw.indexOf('=');
    if (equals !== -1)
      pieces.push(rawPiece(model, { start: flag.span.start + equals + 1, end: flag.span.end }));
  }
  return pieces;
}

function referencesIn(pieces: readonly Piece[], escapeChar: string): Reference[] {
  return pieces.flatMap((piece) =>
    scanVariables(piece.text, escapeChar)
      .filter((ref) => !ref.singleQuoted)
      .map((ref) => ({ ...ref, span: piece.toSpan(ref.start, ref.end), heredoc: piece.heredoc })),
  );
}

/**
 * References Docker expands in an instruction inside a stage, ARG defaults excepted (they are read left
 * to right: see `argDefaultReferences`). Single-quoted and escaped dollars are literal and left out.
 */
export function dockerExpandedReferences(model: Model, node: InstructionNode): Reference[] {
  const pieces: Piece[] = [...flagValuePieces(model, node, EXPANDED_FLAGS[node.keyword])];
  if (EXPANDED_ARGUMENTS.has(node.keyword)) pieces.push(argsPiece(node));
  if (node.keyword === 'COPY' || node.keyword === 'ADD') {
    for (const heredoc of node.heredocs)
      if (!heredoc.quoted && heredoc.body) pieces.push(rawPiece(model, heredoc.body, heredoc));
  }
  return referencesIn(pieces, model.escapeChar);
}

/** The references in each `NAME=default` of an ARG, with the names the instruction declared before it. */
export function argDefaultReferences(
  model: Model,
  node: InstructionNode,
  defaults: readonly { name: string; raw: string | null; start: number }[],
): { reference: Reference; declaredBefore: ReadonlySet<string> }[] {
  const found: { reference: Reference; declaredBefore: ReadonlySet<string> }[] = [];
  const declaredBefore = new Set<string>();
  for (const entry of defaults) {
    if (entry.raw !== null) {
      const piece: Piece = {
        text: entry.raw,
        toSpan: (start, end) => spanIn(node.args, entry.start + start, entry.start + end),
      };
      for (const reference of referencesIn([piece], model.escapeChar))
        found.push({ reference, declaredBefore: new Set(declaredBefore) });
    }
    declaredBefore.add(entry.name);
  }
  return found;
}

/**
 * References a shell expands when a RUN runs: the command line (or the script of an exec-form
 * `["sh", "-c", "..."]`) and heredoc bodies with an unquoted delimiter. None for a plain exec-form RUN.
 */
export function shellExpandedReferences(model: Model, node: InstructionNode): Reference[] {
  const form = commandForm(node.args.text);
  const pieces: Piece[] = [];
  if (form.kind === 'exec') {
    const wrapper = shellWrapperScript(form.argv);
    if (wrapper)
      pieces.push(
        jsonElementPiece(node, 0, form.elements[wrapper.scriptIndex], form.argv[wrapper.scriptIndex]),
      );
  } else pieces.push(argsPiece(node));
  // `RUN <<EOF` makes the body the script itself: a shell runs it however the delimiter is quoted, unless
  // a `#!` line names another interpreter. A body fed to a command (`RUN cat <<EOF > f`) is expanded by
  // the shell only when the delimiter is bare.
  const bodyIsScript = form.kind !== 'exec' && node.args.text.trimStart().startsWith('<<');
  for (const [i, heredoc] of node.heredocs.entries()) {
    if (!heredoc.body) continue;
    const body = model.source.text.slice(heredoc.body.start, heredoc.body.end);
    const expanded =
      bodyIsScript && i === 0 ? !/^#!(?!.*\b(sh|bash|ash|dash|zsh|ksh)\b)/.test(body) : !heredoc.quoted;
    if (expanded) pieces.push(rawPiece(model, heredoc.body, heredoc));
  }
  return referencesIn(pieces, model.escapeChar);
}

/**
 * A JSON string element as a piece: its decoded value, with spans on the exact characters when the literal
 * has no escapes, or on the whole element otherwise (escapes shift the positions).
 */
export function jsonElementPiece(
  node: InstructionNode,
  textStart: number,
  element: { start: number; end: number },
  value: string,
): Piece {
  const literal = node.args.text.slice(textStart + element.start + 1, textStart + element.end - 1);
  const whole = spanIn(node.args, textStart + element.start, textStart + element.end);
  return {
    text: value,
    toSpan:
      literal === value
        ? (start, end) =>
            spanIn(node.args, textStart + element.start + 1 + start, textStart + element.start + 1 + end)
        : () => whole,
  };
}

/** References in a piece made by `jsonElementPiece` (or any piece), quotes and escapes honoured. */
export function referencesInPiece(piece: Piece, escapeChar: string): Reference[] {
  return referencesIn([piece], escapeChar);
}

/**
 * The shell special parameters (`$@`, `$1`, `$#`, `$?`, `$*`, `$!`) in text Docker expands. BuildKit
 * treats them as variables that are never defined, so in an unquoted COPY heredoc `exec "$@"` becomes
 * `exec ""`. `$$` is left alone, as everywhere else in this project.
 */
export function specialParameters(
  text: string,
  escapeChar: string,
): { name: string; start: number; end: number }[] {
  const found: { name: string; start: number; end: number }[] = [];
  let inSingle = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar && !inSingle) {
      i++;
      continue;
    }
    if (ch === "'") inSingle = !inSingle;
    if (ch !== '$' || inSingle) continue;
    const next = text[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === undefined) continue;
    if (/[0-9]/.test(next)) {
      let j = i + 1;
      while (j < text.length && /[0-9]/.test(text[j])) j++;
      found.push({ name: text.slice(i + 1, j), start: i, end: j });
      i = j - 1;
    } else if ('@*#?!'.includes(next)) {
      found.push({ name: next, start: i, end: i + 2 });
      i++;
    }
  }
  return found;
}

/** Special parameters in the unquoted COPY/ADD heredoc bodies of an instruction, with source spans. */
export function heredocSpecialParameters(
  model: Model,
  node: InstructionNode,
): { name: string; span: Span; heredoc: Heredoc }[] {
  if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return [];
  const found: { name: string; span: Span; heredoc: Heredoc }[] = [];
  for (const heredoc of node.heredocs) {
    if (heredoc.quoted || !heredoc.body) continue;
    const body = heredoc.body;
    for (const param of specialParameters(model.source.text.slice(body.start, body.end), model.escapeChar))
      found.push({
        name: param.name,
        span: { start: body.start + param.start, end: body.start + param.end },
        heredoc,
      });
  }
  return found;
}

/** Every `$NAME` written anywhere in an instruction (flags, arguments, heredoc bodies), quoted or not. */
export function namesWrittenIn(model: Model, node: InstructionNode): Set<string> {
  const text = model.source.text.slice(node.span.start, node.span.end);
  return new Set(scanVariables(text, model.escapeChar).map((ref) => ref.name));
}
