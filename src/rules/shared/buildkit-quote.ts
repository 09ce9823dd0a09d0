/**
 * Writing values so that BuildKit's word processing (quote removal, `\` escapes, `$` expansion) gives
 * back exactly what an older form of the instruction gave, for the ENV / LABEL / MAINTAINER fixes.
 * Inside double quotes BuildKit lets the escape character protect only `"`, `$` and itself.
 */

/** A double-quoted word that reads as `text` literally: nothing in it is expanded. */
export function quoteLiteral(text: string, escapeChar: string): string {
  let out = '';
  for (const ch of text) out += literalInDoubleQuotes(ch, escapeChar);
  return `"${out}"`;
}

/**
 * The legacy value of `ENV key value` (everything after the key, read as one word with its spaces kept)
 * written as one `key=value` word with the same result: unchanged when it has no unquoted blank, else
 * double-quoted with its quoting rewritten and its variables kept. Null when the value uses syntax whose
 * rewriting we cannot prove equivalent (unterminated quotes, quotes inside `${...}`).
 */
export function asSingleWord(raw: string, escapeChar: string): string | null {
  for (const braced of raw.matchAll(/\$\{([^}]*)(\}?)/g))
    if (braced[2] === '' || /["'{]/.test(braced[1]) || braced[1].includes(escapeChar)) return null;
  let out = '';
  let hasBlank = false;
  let i = 0;
  // A `$` reference, kept expanding exactly as before once the quotes around the text have moved.
  const dollar = (): void => {
    const next = raw[i + 1] ?? '';
    if (next === '{') {
      const close = raw.indexOf('}', i);
      out += raw.slice(i, close + 1);
      i = close + 1;
    } else if (/^[A-Za-z0-9_]$/.test(next)) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9]+/.exec(raw.slice(i + 1))?.[0] ?? '';
      const after = raw[i + 1 + name.length] ?? '';
      // Braced when a quote or escape follows, whose removal would otherwise let the next text extend the name.
      out += after === '"' || after === "'" || after === escapeChar ? `\${${name}}` : `$${name}`;
      i += 1 + name.length;
    } else {
      // A special parameter (`$@`, `$?`) keeps its next character; any other `$` is literal and must stay so.
      out += /^[@*#?$!-]$/.test(next) ? '$' : literalInDoubleQuotes('$', escapeChar);
      i++;
    }
  };
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === escapeChar) {
      if (i + 1 >= raw.length) return null;
      out += literalInDoubleQuotes(raw[i + 1], escapeChar);
      i += 2;
    } else if (ch === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close === -1) return null;
      for (const quoted of raw.slice(i + 1, close)) out += literalInDoubleQuotes(quoted, escapeChar);
      i = close + 1;
    } else if (ch === '"') {
      // Already double-quoted text means the same inside our quotes, its `$` references aside.
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === escapeChar) {
          if (i + 1 >= raw.length) return null;
          out += raw.slice(i, i + 2);
          i += 2;
        } else if (raw[i] === '$') dollar();
        else out += raw[i++];
      }
      if (i >= raw.length) return null;
      i++;
    } else if (ch === '$') {
      dollar();
    } else {
      if (ch === ' ' || ch === '\t') hasBlank = true;
      out += ch;
      i++;
    }
  }
  return hasBlank ? `"${out}"` : raw;
}

function literalInDoubleQuotes(ch: string, escapeChar: string): string {
  return ch === '"' || ch === '$' || ch === escapeChar ? `${escapeChar}${ch}` : ch;
}
