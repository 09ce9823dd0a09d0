import { scanVariables, type VariableRef } from '../engine/lexer.js';
import { defineRule, type Fix } from '../engine/types.js';
import { labelPairs, stageLabels } from './shared/labels.js';

const RESERVED_PREFIXES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export default defineRule({
  id: 'label-key-format',
  severity: 'info',
  description: 'A LABEL key does not follow the lowercase, reverse-DNS key format',
  refs: { hadolint: ['DL3048'] },
  basis: ['Docker docs: Object labels, key format recommendations'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const label of stageLabels(stage, { triggers: true })) {
        for (const { key } of labelPairs(label)) {
          const problem = keyProblem(key.value, key.raw, label.escapeChar);
          if (!problem) continue;
          const lower = key.value.toLowerCase();
          const lowered =
            problem.onlyCase &&
            !/["'\\`$]/.test(key.raw) &&
            keyProblem(lower, lower, label.escapeChar) === null;
          const fix: Fix | undefined = lowered
            ? {
                safety: 'unsafe',
                title: `Rename the key to \`${lower}\``,
                edits: [{ span: key.span, text: lower }],
              }
            : undefined;
          report({
            span: key.span,
            message: `The label key \`${key.value}\` ${problem.text}. Docker recommends lowercase letters, digits, \`.\` and \`-\`, starting with a letter, namespaced by a reverse domain you own (\`org.opencontainers.image.title\`, \`com.example.team\`), so that tools reading labels find them.`,
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});

/**
 * hadolint's DL3048 conditions (as of hadolint master, which also accepts `_` and `/`, as Docker's key
 * format does). Text that a variable supplies is not judged: only the literal parts of the key are.
 * Uppercase letters come last, so that `onlyCase` means lowercasing is the whole repair.
 */
function keyProblem(
  key: string,
  raw: string,
  escapeChar: string,
): { text: string; onlyCase: boolean } | null {
  const references = scanVariables(raw, escapeChar);
  const literal = references.length > 0 ? literalParts(raw, references) : [key];
  const leading = /^["']/.test(raw) ? 1 : 0;
  const trailing = /["']$/.test(raw) && raw.length > 1 ? 1 : 0;
  const startsLiteral = !references.some((reference) => reference.start === leading);
  const endsLiteral = !references.some((reference) => reference.end === raw.length - trailing);
  const reserved = startsLiteral ? RESERVED_PREFIXES.find((prefix) => key.startsWith(prefix)) : undefined;
  if (reserved)
    return {
      text: `uses the \`${reserved}*\` namespace, which Docker reserves for its own labels`,
      onlyCase: false,
    };
  const invalid = [...new Set(literal.join(''))].filter((ch) => !/[a-zA-Z0-9._/-]/.test(ch));
  if (invalid.length > 0)
    return {
      text: `contains ${invalid.map((ch) => `\`${ch}\``).join(', ')}, outside the characters label keys should use`,
      onlyCase: false,
    };
  if (literal.some((part) => part.includes('..') || part.includes('--')))
    return { text: 'has two separators in a row (`..` or `--`)', onlyCase: false };
  if (startsLiteral && !/^[a-zA-Z]/.test(key))
    return { text: 'does not start with a letter', onlyCase: false };
  if (endsLiteral && !/[a-zA-Z0-9]$/.test(key))
    return { text: 'does not end with a letter or a digit', onlyCase: false };
  if (literal.some((part) => /[A-Z]/.test(part))) return { text: 'has uppercase letters', onlyCase: true };
  return null;
}

/** The parts of a raw key outside variable references, unquoted. */
function literalParts(raw: string, references: readonly VariableRef[]): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const reference of references) {
    if (reference.start < last) continue;
    parts.push(raw.slice(last, reference.start));
    last = reference.end;
  }
  parts.push(raw.slice(last));
  return parts.map((part) => part.replace(/["']/g, '')).filter((part) => part !== '');
}
