/**
 * What `COPY --from=X` and `RUN --mount=from=X` name, resolved the way BuildKit resolves them
 * (dockerfile2llb `toCommand`): a stage name, compared case-insensitively, anywhere in the file; else a
 * number, the index of a stage; else an image (or a `--build-context` of that name).
 */
import { scanVariables } from '../../engine/lexer.js';
import type { InstructionNode, Model, Stage } from '../../engine/model.js';
import type { SourceText, Span } from '../../engine/source.js';

export interface FromReference {
  readonly node: InstructionNode;
  readonly value: string;
  readonly span: Span;
  /** How it was written, for messages: `--from=build` or `from=build`. */
  readonly written: string;
}

export type FromTarget =
  /** A variable, `context`, or a name that reads as an image reference: nothing to check here. */
  | { readonly kind: 'skip' }
  | { readonly kind: 'earlier'; readonly stage: Stage }
  | { readonly kind: 'self' }
  /** A later stage built FROM this one: the two depend on each other. */
  | { readonly kind: 'cycle'; readonly stage: Stage }
  | { readonly kind: 'later'; readonly stage: Stage }
  | { readonly kind: 'bad-index'; readonly index: number }
  /** A plain name that is no stage: Docker pulls it as an image. */
  | { readonly kind: 'image-name' };

/** `COPY --from` and `RUN --mount=...,from=...` of a stage's own instructions (ONBUILD triggers belong to child builds). */
export function fromReferences(stage: Stage, source: SourceText): FromReference[] {
  const references: FromReference[] = [];
  for (const node of stage.instructions) {
    if (node.keyword === 'COPY') {
      const flag = node.flags.find((candidate) => candidate.name === 'from');
      if (flag?.value)
        references.push({
          node,
          value: flag.value,
          span: startOnFirstLine(node, flag.span, source),
          written: source.slice(flag.span),
        });
    } else if (node.keyword === 'RUN') {
      for (const flag of node.flags) {
        if (flag.name !== 'mount' || !flag.value) continue;
        const field = mountFrom(source.slice(flag.span));
        if (field)
          references.push({
            node,
            value: field.value,
            span: startOnFirstLine(
              node,
              { start: flag.span.start + field.start, end: flag.span.start + field.end },
              source,
            ),
            written: field.text,
          });
      }
    }
  }
  return references;
}

/**
 * Findings start on the instruction's first line (as hadolint reports them), even for a flag continued below
 * it: the span is stretched up to the keyword, where buildkit-location's `onFirstLine` replaces it.
 */
function startOnFirstLine(node: InstructionNode, span: Span, source: SourceText): Span {
  return source.lineIndexAt(span.start) === source.lineIndexAt(node.span.start)
    ? span
    : { start: node.keywordSpan.start, end: span.end };
}

/** The `from=` field of `--mount=type=cache,from=build,target=/x`, located inside the flag's text. */
function mountFrom(flagText: string): { value: string; start: number; end: number; text: string } | null {
  const equals = flagText.indexOf('=');
  if (equals === -1) return null;
  let start = equals + 1;
  for (const field of flagText.slice(start).split(',')) {
    const unquoted = field.replace(/^["']|["']$/g, '');
    const separator = unquoted.indexOf('=');
    if (separator !== -1 && unquoted.slice(0, separator).trim().toLowerCase() === 'from') {
      const value = unquoted.slice(separator + 1).trim();
      return value === '' ? null : { value, start, end: start + field.length, text: field };
    }
    start += field.length + 1;
  }
  return null;
}

/** Stages by lower-cased name, in file order. */
const stagesByNameCache = new WeakMap<Model, ReadonlyMap<string, readonly Stage[]>>();

export function stagesByName(model: Model): ReadonlyMap<string, readonly Stage[]> {
  let cached = stagesByNameCache.get(model);
  if (!cached) {
    cached = readStagesByName(model);
    stagesByNameCache.set(model, cached);
  }
  return cached;
}

function readStagesByName(model: Model): ReadonlyMap<string, readonly Stage[]> {
  const byName = new Map<string, Stage[]>();
  for (const stage of model.stages) {
    if (stage.name === null) continue;
    const key = stage.name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(stage);
    else byName.set(key, [stage]);
  }
  return byName;
}

export function resolveFrom(
  model: Model,
  stage: Stage,
  reference: FromReference,
  byName: ReadonlyMap<string, readonly Stage[]>,
): FromTarget {
  const value = reference.value;
  if (scanVariables(value, reference.node.escapeChar).length > 0) return { kind: 'skip' };
  const named = byName.get(value.toLowerCase());
  if (named) {
    if (named.includes(stage)) return { kind: 'self' };
    const earlier = named.findLast((candidate) => candidate.index < stage.index);
    if (earlier) return { kind: 'earlier', stage: earlier };
    return laterTarget(model, stage, named[0]);
  }
  if (/^\d+$/.test(value)) {
    const index = Number(value);
    if (index >= model.stages.length) return { kind: 'bad-index', index };
    if (index === stage.index) return { kind: 'self' };
    if (index < stage.index) return { kind: 'earlier', stage: model.stages[index] };
    return laterTarget(model, stage, model.stages[index]);
  }
  // BuildKit's name for the main build context, the empty image, and anything shaped like an image reference.
  if (value === 'context' || value === 'scratch' || /[:/@]/.test(value)) return { kind: 'skip' };
  return { kind: 'image-name' };
}

function laterTarget(model: Model, stage: Stage, later: Stage): FromTarget {
  return isAncestor(model, stage, later) ? { kind: 'cycle', stage: later } : { kind: 'later', stage: later };
}

const ancestryCache = new WeakMap<Model, { enter: Int32Array; exit: Int32Array }>();

/**
 * Whether `later` is built FROM `stage`, directly or through other stages: an O(1) test on the entry and
 * exit times of a walk over the FROM tree, computed once per file so that long chains stay linear.
 */
function isAncestor(model: Model, stage: Stage, later: Stage): boolean {
  let times = ancestryCache.get(model);
  if (!times) {
    const count = model.stages.length;
    const children: Stage[][] = model.stages.map(() => []);
    for (const candidate of model.stages)
      if (candidate.parent) children[candidate.parent.index].push(candidate);
    const enter = new Int32Array(count);
    const exit = new Int32Array(count);
    let clock = 0;
    for (const root of model.stages) {
      if (root.parent) continue;
      const stack: { stage: Stage; next: number }[] = [{ stage: root, next: 0 }];
      enter[root.index] = clock++;
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const child = children[top.stage.index][top.next++];
        if (child) {
          enter[child.index] = clock++;
          stack.push({ stage: child, next: 0 });
        } else {
          exit[top.stage.index] = clock++;
          stack.pop();
        }
      }
    }
    times = { enter, exit };
    ancestryCache.set(model, times);
  }
  return (
    stage !== later &&
    times.enter[stage.index] < times.enter[later.index] &&
    times.exit[later.index] < times.exit[stage.index]
  );
}

/** `build` for a named stage, `#2` for an unnamed one, as messages name them. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `#${stage.index}`;
}
