/**
 * Suppressions, applied after the rules run (rules never see them):
 * - ours: `# dockerfile-review ignore=<id>[,<id>]` above an instruction, `# dockerfile-review global ignore=...`;
 * - hadolint's: `# hadolint ignore=DL3025` and `# hadolint global ignore=...`, mapped through each rule's refs;
 * - BuildKit's: the `# check=skip=Rule,...` (or `skip=all`) parser directive, and the same comment right above an
 *   instruction (frontend 1.21+), mapped through refs.buildkit. BuildKit cuts the value at its first space.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Model } from './model.js';
import type { Span } from './source.js';
import type { RuleMeta } from './types.js';

export interface Suppressions {
  readonly global: ReadonlySet<string>;
  /** Instruction index -> rule ids suppressed on that instruction. */
  readonly byInstruction: ReadonlyMap<number, ReadonlySet<string>>;
  /** Names in our own pragmas that match no rule id, hadolint code or BuildKit check: they silence nothing. */
  readonly unknown: readonly UnknownSuppression[];
}

export interface UnknownSuppression {
  /** The pragma's comment line. */
  readonly span: Span;
  readonly name: string;
  /** The closest rule id, when one is a likely typo away. */
  readonly didYouMean: string | null;
}

const OURS = /^dockerfile-review\s+(global\s+)?ignore\s*=\s*(\S+)/i;
const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*(\S+)/i;
const CHECK = /^check\s*=\s*(\S+)/i;

export function collectSuppressions(model: Model, rules: readonly RuleMeta[]): Suppressions {
  const resolve = idResolver(rules);
  const global = new Set<string>();
  const byInstruction = new Map<number, Set<string>>();
  const unknown: UnknownSuppression[] = [];

  for (const directive of model.ast.getDirectives()) {
    if (directive.getName().toLowerCase() === 'check') {
      for (const id of resolve.buildkitSkip(directive.getValue())) global.add(id);
    }
  }

  // dockerfile-ast reads any `# key=value` line at the top of the file as a parser directive, so a pragma
  // there (`# hadolint global ignore=DL3006`) is a directive, not a comment: read both.
  const pragmaLines = [
    ...model.ast
      .getDirectives()
      .filter((directive) => !['syntax', 'escape', 'check'].includes(directive.getName().toLowerCase()))
      .map((directive) => ({
        // Its name and value lose words (`hadolint global ignore` becomes `hadolint`): read the line itself.
        content: model.source
          .lineText(model.source.lineIndexAt(model.source.offsetOf(directive.getRange().start)))
          .replace(/^\s*#/, ''),
        range: directive.getRange(),
      })),
    ...model.ast
      .getComments()
      .map((comment) => ({ content: comment.getContent(), range: comment.getRange() })),
  ];
  const instructions = model.instructions;
  let next = 0;
  for (const comment of pragmaLines) {
    const content = comment.content.trim();
    const offset = model.source.offsetOf(comment.range.start);
    while (next < instructions.length && instructions[next].span.start < offset) next++;
    // A comment inside a continued instruction is not a pragma for the next one.
    if (next > 0 && instructions[next - 1].span.end > offset) continue;
    const target = instructions[next];
    let ids: string[] = [];
    let isGlobal = false;
    const ours = OURS.exec(content);
    const hadolint = ours ? null : HADOLINT.exec(content);
    const check = ours || hadolint ? null : CHECK.exec(content);
    if (ours) {
      isGlobal = Boolean(ours[1]);
      for (const name of split(ours[2])) {
        const resolved = resolve.ours(name);
        if (resolved.length === 0) {
          const lineEnd = model.source.lineEnd(model.source.lineIndexAt(offset));
          unknown.push({ span: { start: offset, end: lineEnd }, name, didYouMean: resolve.nearest(name) });
        }
        ids.push(...resolved);
      }
    } else if (hadolint) {
      isGlobal = Boolean(hadolint[1]);
      ids = split(hadolint[2]).flatMap(resolve.hadolint);
    } else if (check) {
      ids = resolve.buildkitSkip(check[1]);
    }
    if (ids.length === 0) continue;
    if (isGlobal) {
      for (const id of ids) global.add(id);
    } else if (target) {
      const set = byInstruction.get(target.index) ?? new Set<string>();
      for (const id of ids) set.add(id);
      byInstruction.set(target.index, set);
    }
  }
  return { global, byInstruction, unknown };
}

function split(list: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Built once per rule list: every file of a run resolves pragmas against the same rules. */
const resolvers = new WeakMap<readonly RuleMeta[], ReturnType<typeof buildIdResolver>>();

function idResolver(rules: readonly RuleMeta[]): ReturnType<typeof buildIdResolver> {
  let resolver = resolvers.get(rules);
  if (!resolver) {
    resolver = buildIdResolver(rules);
    resolvers.set(rules, resolver);
  }
  return resolver;
}

function buildIdResolver(rules: readonly RuleMeta[]) {
  const byHadolint = new Map<string, string[]>();
  const byBuildkit = new Map<string, string[]>();
  for (const rule of rules) {
    for (const code of rule.refs.hadolint ?? [])
      byHadolint.set(code.toUpperCase(), [...(byHadolint.get(code.toUpperCase()) ?? []), rule.id]);
    for (const name of rule.refs.buildkit ?? [])
      byBuildkit.set(name.toLowerCase(), [...(byBuildkit.get(name.toLowerCase()) ?? []), rule.id]);
  }
  const ids = new Set(rules.map((rule) => rule.id));
  const idList = [...ids];
  return {
    nearest: (name: string): string | null => {
      if (idList.length === 0) return null;
      const candidate = closest(name.toLowerCase(), idList);
      return distance(name.toLowerCase(), candidate) <= Math.max(2, Math.floor(candidate.length / 4))
        ? candidate
        : null;
    },
    ours: (token: string): string[] => {
      // Our pragma also accepts the codes users know from the other tools.
      if (ids.has(token)) return [token];
      return byHadolint.get(token.toUpperCase()) ?? byBuildkit.get(token.toLowerCase()) ?? [];
    },
    hadolint: (code: string): string[] => byHadolint.get(code.toUpperCase()) ?? [],
    buildkitSkip: (value: string): string[] => {
      // `skip=A,B;error=true`: only the skip part matters here, and only up to the first space.
      const skip = value
        .split(/\s/)[0]
        .split(';')
        .map((part) => part.split('='))
        .find(([key]) => key.trim().toLowerCase() === 'skip');
      if (!skip || skip.length < 2) return [];
      const names = split(skip[1]);
      if (names.some((name) => name.toLowerCase() === 'all'))
        return [...new Set([...byBuildkit.values()].flat())];
      return names.flatMap((name) => byBuildkit.get(name.toLowerCase()) ?? []);
    },
  };
}
