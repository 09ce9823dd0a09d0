/**
 * What a FROM line pulls, for the base-image pinning rules: the image text expanded with the global ARG
 * defaults (as a build without `--build-arg` would), and its tag and digest. Where a variable without a
 * default hides part of the reference, only what the literal text proves is reported, so that
 * `FROM python${PY_TAG}` never passes for an untagged image (hadolint#979).
 */
import { scanVariables, spanIn, splitWords } from '../../engine/lexer.js';
import type { Model, Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';
import { stagesByName } from './copy-from.js';
import { expandWithDefaults } from './vars-image-ref.js';
import { rawDefaults } from './vars-scope.js';

export type BaseImage =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'stage'; readonly stage: Stage }
  /** The whole reference comes from variables: the build chooses the image. */
  | { readonly kind: 'variable' }
  /** A variable without a known value hides the part that would tell. */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'image';
      /** The reference as Docker will pull it (expanded), or the literal text when a registry part is unknown. */
      readonly reference: string;
      /** The variables whose defaults were used to expand the text. */
      readonly expandedWith: readonly string[];
      /** The tag, null for none; undefined when a variable supplies it. */
      readonly tag: string | null | undefined;
      readonly digest: boolean;
    };

export interface FromImage {
  /** The image word as written, and where to report it: the word, or from FROM to it when it sits on a later line. */
  readonly raw: string;
  readonly span: Span;
  readonly base: BaseImage;
}

const globalValuesCache = new WeakMap<Model, ReadonlyMap<string, string>>();

/** Each global ARG's default, expanded against the ones before it, as BuildKit evaluates them for FROM. */
export function globalArgValues(model: Model): ReadonlyMap<string, string> {
  const cached = globalValuesCache.get(model);
  if (cached) return cached;
  const values = new Map<string, string>();
  const evaluated = new Set<number>();
  for (const { instruction } of model.globalArgs) {
    if (evaluated.has(instruction.index)) continue;
    evaluated.add(instruction.index);
    for (const entry of rawDefaults(instruction.args.text, model.escapeChar)) {
      if (entry.raw === null) continue;
      const expanded = expandWithDefaults(entry.raw, values, model.escapeChar);
      if (expanded) values.set(entry.name, expanded.value);
      else values.delete(entry.name);
    }
  }
  globalValuesCache.set(model, values);
  return values;
}

/** `[registry/]path[:tag][@digest]`, split without validating (other rules judge validity). */
export function splitReference(reference: string): { tag: string | null; digest: boolean } {
  const at = reference.indexOf('@');
  const name = at === -1 ? reference : reference.slice(0, at);
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  return { tag: colon === -1 ? null : name.slice(colon + 1), digest: at !== -1 };
}

/** The image a stage's FROM names, or the earlier stage it names. */
export function fromImage(model: Model, stage: Stage): FromImage | null {
  const from = stage.from;
  const word = splitWords(from.args.text, model.escapeChar)[0];
  if (!word) return null;
  const wordSpan = spanIn(from.args, word.start, word.end);
  // Findings belong on the FROM line (as hadolint reports them) even when the image is continued below it.
  const sameLine = model.source.lineIndexAt(wordSpan.start) === model.source.lineIndexAt(from.span.start);
  const span = sameLine ? wordSpan : { start: from.keywordSpan.start, end: wordSpan.end };
  const result = (base: BaseImage): FromImage => ({ raw: word.raw, span, base });
  if (stage.parent) return result({ kind: 'stage', stage: stage.parent });

  const references = scanVariables(word.raw, model.escapeChar).filter((reference) => !reference.singleQuoted);
  if (references.length === 0) return result(classify(model, stage, word.value, []));

  let literal = '';
  let last = 0;
  for (const reference of references) {
    if (reference.start < last) continue;
    literal += word.raw.slice(last, reference.start);
    last = reference.end;
  }
  literal += word.raw.slice(last);
  if (literal.replace(/["']/g, '') === '') return result({ kind: 'variable' });

  const values = globalArgValues(model);
  const expanded = expandWithDefaults(word.raw, values, model.escapeChar);
  if (expanded === null) return result({ kind: 'unknown' });
  const names = [...new Set(references.map((reference) => reference.name))];
  if (expanded.unset.length === 0) return result(classify(model, stage, expanded.value, names));
  return result(fromLiteralText(word.raw, model.escapeChar));
}

function classify(model: Model, stage: Stage, reference: string, expandedWith: string[]): BaseImage {
  const lower = reference.toLowerCase();
  if (lower === 'scratch') return { kind: 'scratch' };
  const named = stagesByName(model).get(lower)?.[0];
  if (named && named.index < stage.index) return { kind: 'stage', stage: named };
  return { kind: 'image', reference, expandedWith, ...splitReference(reference) };
}

/**
 * With a variable that has no value, only the literal text can tell: a literal `:` or `@` after the last
 * `/` means a tag or digest (whose value a variable may give); a last path part without any variable and
 * without them means no tag whatever the variables hold (`${REGISTRY}/alpine`).
 */
function fromLiteralText(raw: string, escapeChar: string): BaseImage {
  const references = scanVariables(raw, escapeChar);
  const covered = new Uint8Array(raw.length);
  for (const reference of references) covered.fill(1, reference.start, reference.end);
  const insideReference = (index: number) => covered[index] === 1;
  let lastSlash = -1;
  for (let i = 0; i < raw.length; i++) if (raw[i] === '/' && !insideReference(i)) lastSlash = i;
  let tagStart = -1;
  let digest = false;
  let variableInLastPart = false;
  for (let i = lastSlash + 1; i < raw.length; i++) {
    if (insideReference(i)) {
      variableInLastPart = true;
      continue;
    }
    if (raw[i] === '@') digest = true;
    if (raw[i] === ':' && tagStart === -1 && !digest) tagStart = i + 1;
  }
  if (digest) return { kind: 'image', reference: raw, expandedWith: [], tag: undefined, digest: true };
  if (tagStart !== -1) {
    const tag = raw.slice(tagStart);
    const tagHasVariable = references.some((reference) => reference.end > tagStart);
    return {
      kind: 'image',
      reference: raw,
      expandedWith: [],
      tag: tagHasVariable ? undefined : tag,
      digest: false,
    };
  }
  if (variableInLastPart) return { kind: 'unknown' };
  return { kind: 'image', reference: raw, expandedWith: [], tag: null, digest: false };
}
