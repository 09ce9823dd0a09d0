/**
 * `.dockerignore` as Docker reads it, for `copy-ignored-file`: a port of moby/patternmatcher
 * (`ignorefile.ReadAll`, `New`, `Pattern.compile/match`, `MatchesOrParentMatches`) and of BuildKit's
 * CopyIgnoredFile guards (the context root, and `!` exceptions that may re-include a copied path).
 * Semantics worth knowing, all from that code:
 * - a line starting with `#` (in column 1) is a comment; lines are trimmed; `./x`, `x/` and `/x` become `x`;
 * - `*` and `?` stop at `/`; `**` spans directories; `[...]` is a character class; `\` escapes;
 * - a pattern matching a parent directory excludes everything below it;
 * - later patterns win, and `!pattern` re-includes what earlier patterns excluded.
 * Parsing is linear in the file; matching one path is linear in the patterns times the path depth.
 */

export interface IgnorePattern {
  /** The cleaned pattern, without its `!`. */
  readonly text: string;
  /** `!pattern`: re-includes what matched before. */
  readonly exclusion: boolean;
  /** 1-based line in `.dockerignore`. */
  readonly line: number;
  matches(path: string): boolean;
}

export interface DockerIgnore {
  readonly patterns: readonly IgnorePattern[];
}

/** The last file read: every Dockerfile of a run usually shares the build context's one. */
let lastRead: { readonly text: string; readonly ignore: DockerIgnore | null } | null = null;

/** The patterns of a `.dockerignore`, or null when Docker would reject the file (then no finding can be trusted). */
export function parseDockerignore(text: string): DockerIgnore | null {
  if (lastRead?.text !== text) lastRead = { text, ignore: readDockerignore(text) };
  return lastRead.ignore;
}

function readDockerignore(text: string): DockerIgnore | null {
  const patterns: IgnorePattern[] = [];
  const lines = text.split('\n');
  for (const [index, rawLine] of lines.entries()) {
    // bufio.ScanLines drops the `\r` of a CRLF line ending, ReadAll the byte order mark of the first line.
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    if (invert) pattern = `!${pattern}`;
    // patternmatcher.New cleans again, with the `!` still attached.
    let cleaned = cleanPath(pattern.trim());
    const exclusion = cleaned.startsWith('!');
    if (exclusion) {
      if (cleaned.length === 1) return null;
      cleaned = cleaned.slice(1);
    }
    if (!isValidGlob(cleaned)) return null;
    const matcher = compilePattern(cleaned);
    if (matcher === null) return null;
    patterns.push({ text: cleaned, exclusion, line: index + 1, matches: matcher });
  }
  return { patterns };
}

export interface IgnoreMatch {
  /** The last pattern that excluded the path (or one of its parent directories). */
  readonly pattern: IgnorePattern;
}

/** `MatchesOrParentMatches`: whether the cleaned, relative `path` ends up excluded, and by which pattern. */
export function excludedBy(ignore: DockerIgnore, path: string): IgnoreMatch | null {
  let matched: IgnorePattern | null = null;
  const parent = dirname(path);
  const parentDirs = parent.split('/');
  for (const pattern of ignore.patterns) {
    // An inclusion cannot change an already excluded path, nor an exception an included one.
    if (pattern.exclusion !== (matched !== null)) continue;
    let match = pattern.matches(path);
    if (!match && parent !== '.') {
      for (let i = 0; i < parentDirs.length && !match; i++)
        match = pattern.matches(parentDirs.slice(0, i + 1).join('/'));
    }
    if (match) matched = pattern.exclusion ? null : pattern;
  }
  return matched ? { pattern: matched } : null;
}

/** BuildKit reports the context root only for a catch-all pattern: anything narrower leaves something to copy. */
export function excludesWholeContext(ignore: DockerIgnore): boolean {
  return ignore.patterns.some(
    (pattern) =>
      !pattern.exclusion && (pattern.text === '*' || pattern.text === '**' || pattern.text === '**/*'),
  );
}

/**
 * Whether some `!` exception could re-include a path at or below `source` (itself possibly a glob): then
 * the copy may well find files, and BuildKit stays silent for that source. Wildcards are assumed to match
 * anything below their literal prefix.
 */
export function mayBeReincluded(ignore: DockerIgnore, source: string): boolean {
  const [sourcePrefix] = literalPrefix(source === '.' ? '' : source);
  for (const pattern of ignore.patterns) {
    if (!pattern.exclusion) continue;
    const [prefix, wildcard] = literalPrefix(pattern.text);
    if (isAtOrBelow(prefix, sourcePrefix)) return true;
    if (wildcard && isAtOrBelow(sourcePrefix, prefix)) return true;
  }
  return false;
}

/** The path elements before the first one holding a wildcard, escapes resolved; and whether there was one. */
function literalPrefix(pattern: string): [string, boolean] {
  const elements = pattern === '' ? [] : pattern.split('/');
  const literal: string[] = [];
  for (const element of elements) {
    if (hasUnescapedWildcard(element)) return [literal.join('/'), true];
    literal.push(element.replace(/\\(.)/g, '$1'));
  }
  return [literal.join('/'), false];
}

function hasUnescapedWildcard(element: string): boolean {
  for (let i = 0; i < element.length; i++) {
    if (element[i] === '\\') i++;
    else if (element[i] === '*' || element[i] === '?' || element[i] === '[') return true;
  }
  return false;
}

/** `path` is `base` or inside it; the empty base is the context root, which holds everything. */
function isAtOrBelow(path: string, base: string): boolean {
  return base === '' || path === base || path.startsWith(`${base}/`);
}

/** Go's `path.Clean`: the shortest equivalent path, `.` for the empty one. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  return cleanPath(path.slice(0, slash + 1));
}

/**
 * Go's `filepath.Match` syntax check, which patternmatcher runs on every pattern: an unterminated or
 * empty character class, a range missing an end, or a trailing `\` make Docker reject the file.
 */
function isValidGlob(pattern: string): boolean {
  const chars = [...pattern];
  let i = 0;
  // getEsc: one (possibly escaped) character of a class, which must not be the class's end.
  const classChar = (): boolean => {
    if (i >= chars.length || chars[i] === '-' || chars[i] === ']') return false;
    if (chars[i] === '\\') {
      i++;
      if (i >= chars.length) return false;
    }
    i++;
    return i < chars.length;
  };
  while (i < chars.length) {
    const ch = chars[i];
    if (ch === '\\') {
      if (i + 1 >= chars.length) return false;
      i += 2;
    } else if (ch === '[') {
      i++;
      if (chars[i] === '^') i++;
      for (let ranges = 0; ; ranges++) {
        if (chars[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        if (!classChar()) return false;
        if (chars[i] === '-') {
          i++;
          if (!classChar()) return false;
        }
      }
    } else i++;
  }
  return true;
}

/** The characters patternmatcher escapes: regular-expression syntax with no meaning in a glob. */
const REGEXP_SPECIAL = new Set([...'.+()|{}$']);
/** Punctuation JavaScript's Unicode mode lets `\` escape outside a character class. */
const ESCAPABLE = new Set([...'^$\\.*+?()[]{}|/']);

/** Pattern.compile: exact, prefix (a trailing `**`), suffix (a leading `**`) or regular-expression matching. */
function compilePattern(pattern: string): ((path: string) => boolean) | null {
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  let source = '^';
  let inClass = false;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        const atStart = i === 0;
        i++;
        // `**/` is read as `**`.
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) {
          // A trailing `**` matches everything below, like .gitignore.
          if (kind === 'exact') kind = 'prefix';
          else {
            source += '.*';
            kind = 'regexp';
          }
        } else {
          source += '(.*/)?';
          kind = 'regexp';
        }
        // A leading `**` makes a suffix match, until a later wildcard needs the expression again.
        if (atStart) kind = 'suffix';
      } else {
        source += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      source += '[^/]';
      kind = 'regexp';
    } else if (REGEXP_SPECIAL.has(ch)) {
      source += `\\${ch}`;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        source += escapedInRegExp(chars[++i], inClass);
        kind = 'regexp';
      } else source += '\\\\';
    } else if (ch === '[') {
      source += ch;
      inClass = true;
      kind = 'regexp';
    } else if (ch === ']') {
      // Outside a class Go reads `]` literally; JavaScript's Unicode mode needs it escaped.
      source += inClass ? ch : '\\]';
      inClass = false;
      kind = 'regexp';
    } else {
      source += ch;
    }
  }

  switch (kind) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (path) => path.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      // `**/foo` also matches `foo` itself.
      return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    default: {
      let regexp: RegExp;
      try {
        regexp = new RegExp(`${source}$`, 'u');
      } catch {
        return null;
      }
      return (path) => regexp.test(path);
    }
  }
}

/**
 * `\x` in a pattern: Go hands it to its regular-expression engine, where it means `x` for punctuation.
 * JavaScript's Unicode mode rejects most identity escapes, so punctuation is re-escaped only where needed.
 */
function escapedInRegExp(ch: string, inClass: boolean): string {
  if (ESCAPABLE.has(ch) || (inClass && ch === '-')) return `\\${ch}`;
  // \d, \w, \s (and their negations) mean the same in both engines.
  if (/^[dDwWsS]$/.test(ch)) return `\\${ch}`;
  return ch;
}
