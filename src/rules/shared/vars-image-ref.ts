/**
 * FROM lines evaluated the way BuildKit's InvalidDefaultArgInFrom does: the image text expanded with
 * the global ARG defaults only (no `--build-arg`), then checked against the image reference grammar of
 * distribution/reference (`[registry[:port]/]path[:tag][@digest]`, as `ParseNormalizedNamed` reads it).
 * Both functions are single left-to-right passes.
 */
import { isRegistryComponent } from './registry.js';

export interface Expansion {
  readonly value: string;
  /** Variables that had no value (unset or never declared) while expanding. */
  readonly unset: readonly string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Shell-style expansion as BuildKit's lexer does it for a FROM word: quotes removed, `\x` literal,
 * `$X`, `${X}`, `${X:-w}`, `${X-w}`, `${X:+w}`, `${X+w}`. Returns null for syntax it would reject or
 * that we do not evaluate (`${X?}`, pattern removal, substitution, an unclosed brace): no finding then.
 */
export function expandWithDefaults(
  text: string,
  values: ReadonlyMap<string, string>,
  escapeChar: string,
): Expansion | null {
  const unset: string[] = [];
  let i = 0;

  // Reads until `stop` (or the end when stop is null); returns null on anything unsupported.
  const word = (stop: string | null, inDouble = false): string | null => {
    let out = '';
    while (i < text.length) {
      const ch = text[i];
      if (stop !== null && ch === stop) return out;
      if (ch === escapeChar) {
        // Inside double quotes the escape only protects `"`, `$` and itself, as in a POSIX shell.
        const next = text[i + 1] ?? '';
        out += inDouble && next !== '"' && next !== '$' && next !== escapeChar ? ch + next : next;
        i += 2;
      } else if (ch === "'" && !inDouble) {
        const close = text.indexOf("'", i + 1);
        if (close === -1) return null;
        out += text.slice(i + 1, close);
        i = close + 1;
      } else if (ch === '"') {
        i++;
        const inner = word('"', true);
        if (inner === null || text[i] !== '"') return null;
        out += inner;
        i++;
      } else if (ch === '$') {
        const expanded = dollar();
        if (expanded === null) return null;
        out += expanded;
      } else {
        out += ch;
        i++;
      }
    }
    return stop === null ? out : null;
  };

  const lookup = (name: string): string | undefined => {
    const value = values.get(name);
    if (value === undefined || value === '') unset.push(name);
    return value;
  };

  const dollar = (): string | null => {
    i++;
    if (text[i] !== '{') {
      if (i < text.length && /[0-9]/.test(text[i])) {
        while (i < text.length && /[0-9]/.test(text[i])) i++;
        return '';
      }
      if (i >= text.length || !NAME_START.test(text[i])) return '$';
      const start = i;
      while (i < text.length && NAME_CHAR.test(text[i])) i++;
      return lookup(text.slice(start, i)) ?? '';
    }
    i++;
    const start = i;
    while (i < text.length && NAME_CHAR.test(text[i])) i++;
    const name = text.slice(start, i);
    if (name === '' || !NAME_START.test(name[0])) return null;
    const value = lookup(name);
    if (text[i] === '}') {
      i++;
      return value ?? '';
    }
    const colon = text[i] === ':';
    if (colon) i++;
    const modifier = text[i];
    if (modifier !== '-' && modifier !== '+') return null;
    i++;
    const alternative = word('}');
    if (alternative === null) return null;
    i++;
    const isSet = value !== undefined && !(colon && value === '');
    if (modifier === '-') return isSet ? (value ?? '') : alternative;
    return isSet ? alternative : '';
  };

  const value = word(null);
  return value === null ? null : { value, unset: [...new Set(unset)] };
}

const DOMAIN_COMPONENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const IPV6_HOST = /^\[[0-9A-Fa-f:]+\]$/;
const PORT = /^[0-9]+$/;
// The separators cannot start an alphanumeric run, so matching never backtracks more than a step.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9A-Fa-f]{32,})$/;
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

/** Why `reference` is not a valid image reference, or null when it is. */
export function imageReferenceProblem(reference: string): string | null {
  if (reference === '') return 'it is empty';
  if (/^[a-f0-9]{64}$/.test(reference)) return 'a 64-character hexadecimal string is an image ID, not a name';
  let rest = reference;
  const at = rest.indexOf('@');
  if (at !== -1) {
    const digest = DIGEST.exec(rest.slice(at + 1));
    if (!digest) return `the digest \`${rest.slice(at + 1)}\` is not \`algorithm:hex\``;
    const expected = DIGEST_LENGTHS[digest[1]];
    if (expected === undefined) return `the digest algorithm \`${digest[1]}\` is not supported`;
    if (!new RegExp(`^[a-f0-9]{${expected}}$`).test(digest[2]))
      return `a \`${digest[1]}\` digest has ${expected} lowercase hexadecimal digits`;
    rest = rest.slice(0, at);
  }
  const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
  if (colon !== -1) {
    const tag = rest.slice(colon + 1);
    if (tag === '') return 'the tag after `:` is empty';
    if (!TAG.test(tag))
      return `the tag \`${tag}\` is not valid (letters, digits, \`_\`, \`.\`, \`-\`; at most 128)`;
    rest = rest.slice(0, colon);
  }
  if (rest === '') return 'the repository name is empty';
  if (rest.length > MAX_NAME_LENGTH)
    return `the repository name is longer than ${MAX_NAME_LENGTH} characters`;
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  const hasDomain = slash !== -1 && isRegistryComponent(first);
  const path = hasDomain ? rest.slice(slash + 1) : rest;
  if (hasDomain && !validDomain(first)) return `the registry \`${first}\` is not a valid host name`;
  if (path !== path.toLowerCase()) return 'repository names must be lowercase';
  for (const component of path.split('/')) {
    if (component === '') return 'the repository name has an empty path component';
    if (!PATH_COMPONENT.test(component))
      return `the path component \`${component}\` is not valid (lowercase letters and digits, separated by \`.\`, \`_\`, \`__\` or \`-\`)`;
  }
  return null;
}

function validDomain(domain: string): boolean {
  let host = domain;
  const portColon = domain.lastIndexOf(':');
  if (portColon !== -1 && portColon > domain.lastIndexOf(']')) {
    if (!PORT.test(domain.slice(portColon + 1))) return false;
    host = domain.slice(0, portColon);
  }
  if (IPV6_HOST.test(host)) return true;
  return host.split('.').every((component) => DOMAIN_COMPONENT.test(component));
}
