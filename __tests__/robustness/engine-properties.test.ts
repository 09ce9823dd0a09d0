// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Dockerfile and shell text, `${X}` included.
/**
 * The engine on anything: arbitrary strings, arbitrary bytes (decoded as UTF-8 with replacement and as latin1),
 * and real Dockerfiles broken in the ways files really break. For every input:
 * - `lintText` returns (never throws) within a bound that only a hang would exceed;
 * - no rule crashes (an `internal-error` finding would say so);
 * - every finding lies in the file: 1 <= line <= endLine <= number of lines, columns >= 1;
 * - safe fixes converge: fixing the fixed text changes nothing; the fixed text has no finding with a safe fix
 *   left and no error the original did not have.
 * Seeded and bounded, so CI runs the same cases every time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedCorpus, repositoryCorpus } from '../../scripts/bench-corpus.js';
import { applyFixes } from '../../src/engine/fixes.js';
import { type LintResult, lintText } from '../../src/engine/lint.js';
import { allRules } from '../../src/rules/index.js';
import { REPO_ROOT } from '../e2e/harness.js';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20261130);
/** More cases than CI runs, when hunting: `ROBUSTNESS_SCALE=20 npx vitest run __tests__/robustness`. */
const SCALE = Number(process.env.ROBUSTNESS_SCALE ?? 1);
/** A hang detector, not a performance assertion: a 64 KB input that takes this long is stuck. */
const HANG_MS = 5_000;

function lintChecked(text: string): LintResult {
  const started = performance.now();
  const result = lintText(text, { rules: allRules });
  const took = performance.now() - started;
  if (text.length < 64 * 1024) expect(took, `lint took ${took.toFixed(0)} ms`).toBeLessThan(HANG_MS);
  const lines = result.source.text.split('\n').length;
  for (const finding of result.findings) {
    const where = `${finding.ruleId} at ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    expect(finding.ruleId, `${where}: ${finding.message}`).not.toBe('internal-error');
    expect(finding.line, where).toBeGreaterThanOrEqual(1);
    expect(finding.endLine, where).toBeGreaterThanOrEqual(finding.line);
    expect(finding.endLine, where).toBeLessThanOrEqual(lines);
    expect(finding.column, where).toBeGreaterThanOrEqual(1);
    expect(finding.endColumn, where).toBeGreaterThanOrEqual(1);
    for (const edit of finding.fix?.edits ?? []) {
      expect(edit.line, `${where} fix`).toBeGreaterThanOrEqual(1);
      expect(edit.endLine, `${where} fix`).toBeLessThanOrEqual(lines);
      expect(edit.column, `${where} fix`).toBeGreaterThanOrEqual(1);
    }
  }
  return result;
}

/** Errors per rule: a fix may reword an error it leaves (a keyword's case in the message), never add one. */
function errorCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of lintText(text, { rules: allRules }).findings)
    if (finding.severity === 'error') counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function fixesConverge(text: string, result: LintResult): void {
  if (!result.findings.some((finding) => finding.fix?.safety === 'safe')) return;
  const fixed = applyFixes(text, { rules: allRules });
  // Within its pass limit a fix run reaches a fixed point: once more changes nothing.
  if (fixed.passes < 10) {
    expect(applyFixes(fixed.text, { rules: allRules }).text).toBe(fixed.text);
    const left = lintText(fixed.text, { rules: allRules }).findings.filter(
      (finding) => finding.fix?.safety === 'safe',
    );
    expect(left.map((finding) => `${finding.ruleId}:${finding.line}`)).toEqual([]);
  }
  const before = errorCounts(text);
  const added = [...errorCounts(fixed.text)].filter(([rule, count]) => count > (before.get(rule) ?? 0));
  expect(added, `fixed text:\n${fixed.text}`).toEqual([]);
}

/** Real Dockerfiles: the docs' examples and a seeded sample of the bench's generated files. */
const REAL = [
  ...repositoryCorpus(REPO_ROOT).map((file) => file.text),
  ...generatedCorpus(SEED, 40)
    .map((file) => file.text)
    .filter((text) => text.split('\n').length <= 120),
];

type Mutation = (text: string, random: () => number) => string;

const lines = (text: string) => text.split('\n');
const at = (random: () => number, length: number) => Math.floor(random() * Math.max(1, length));

/** The ways files break: editors, bad merges, truncation, binary garbage, hand-written continuations. */
const MUTATIONS: Record<string, Mutation> = {
  'drop a line': (text, random) => {
    const all = lines(text);
    all.splice(at(random, all.length), 1);
    return all.join('\n');
  },
  'truncate a JSON array': (text, random) => {
    const open = text.indexOf('[');
    if (open === -1) return `${text}CMD ["a", "b`;
    return text.slice(0, open + 1 + at(random, 12)) + text.slice(text.indexOf('\n', open) + 1 || text.length);
  },
  'truncate the file': (text, random) => text.slice(0, at(random, text.length)),
  'insert a backslash': (text, random) => {
    const i = at(random, text.length);
    return `${text.slice(0, i)}\\${text.slice(i)}`;
  },
  'end a line with a backslash': (text, random) => {
    const all = lines(text);
    all[at(random, all.length)] += ' \\';
    return all.join('\n');
  },
  'open a heredoc': (text, random) => {
    const all = lines(text);
    all.splice(at(random, all.length), 0, random() < 0.5 ? 'RUN <<EOF' : 'COPY <<-"END" /x');
    return all.join('\n');
  },
  'CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
  'lone CR': (text, random) => {
    const i = at(random, text.length);
    return `${text.slice(0, i)}\r${text.slice(i)}`;
  },
  'byte order mark': (text) => `\uFEFF${text}`,
  'NUL byte': (text, random) => {
    const i = at(random, text.length);
    return `${text.slice(0, i)}\u0000${text.slice(i)}`;
  },
  'invalid UTF-8': (text, random) => {
    const bytes = Buffer.from(text, 'utf8');
    const i = at(random, bytes.length);
    const broken = Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff, 0xc3]), bytes.subarray(i)]);
    return new TextDecoder('utf-8').decode(broken);
  },
  'escape directive': (text, random) => `# escape=${random() < 0.5 ? '`' : '\\'}\n${text}`,
  'duplicate a line': (text, random) => {
    const all = lines(text);
    const i = at(random, all.length);
    all.splice(i, 0, all[i] ?? '');
    return all.join('\n');
  },
  'swap keyword case': (text) =>
    text.replace(/^(\s*)([A-Z]+)/gm, (_, space: string, word: string) => space + word.toLowerCase()),
  'stray quote': (text, random) => {
    const i = at(random, text.length);
    return `${text.slice(0, i)}${random() < 0.5 ? '"' : "'"}${text.slice(i)}`;
  },
  'stray dollar brace': (text, random) => {
    const i = at(random, text.length);
    return `${text.slice(0, i)}\${${text.slice(i)}`;
  },
};

const seededRandom = (seed: number) => {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
};

describe('lintText on any input', () => {
  it('any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        lintChecked(text);
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  it('any string of Dockerfile-ish characters', () => {
    const piece = fc.constantFrom(
      'FROM ',
      'RUN ',
      'CMD ',
      'ARG ',
      'ENV ',
      'COPY ',
      'ONBUILD ',
      'HEALTHCHECK ',
      'SHELL ',
      'AS ',
      'a',
      'x=1 ',
      '$X',
      '${Y:-z}',
      '"',
      "'",
      '[',
      ']',
      ',',
      '\\',
      '`',
      '\n',
      '\r\n',
      ' ',
      '\t',
      '#',
      '# escape=`\n',
      '<<EOF\n',
      'EOF\n',
      '&&',
      '|',
      ';',
      '--mount=type=cache,target=/x ',
      'apt-get install -y ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const result = lintChecked(text);
        fixesConverge(text, result);
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  it('any bytes, decoded as UTF-8 (with replacement characters) and as latin1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        lintChecked(new TextDecoder('utf-8').decode(bytes));
        lintChecked(Buffer.from(bytes).toString('latin1'));
      }),
      { seed: SEED, numRuns: 200 * SCALE },
    );
  });

  it('real Dockerfiles, broken in the ways files break', () => {
    const names = Object.keys(MUTATIONS);
    fc.assert(
      fc.property(
        fc.nat({ max: REAL.length - 1 }),
        fc.array(fc.nat({ max: names.length - 1 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (index, chosen, seed) => {
          const random = seededRandom(seed);
          let text = REAL[index];
          for (const choice of chosen) text = MUTATIONS[names[choice]](text, random);
          const result = lintChecked(text);
          fixesConverge(text, result);
        },
      ),
      { seed: SEED, numRuns: 250 * SCALE },
    );
  });

  it('the real Dockerfiles themselves, with their fixes', () => {
    for (const text of REAL) fixesConverge(text, lintChecked(text));
  });

  it.each([
    ['10,000 nested continuations', `FROM alpine\nRUN echo \\\n${'  a \\\n'.repeat(10_000)}  end\n`],
    ['10,000 continuations of nothing', `FROM alpine\nRUN \\\n${'\\\n'.repeat(10_000)}`],
    ['10,000 comment lines inside a continuation', `FROM alpine\nRUN a \\\n${'# c\n'.repeat(10_000)}  b\n`],
    ['a 10,000-deep `sh -c` quoting', `FROM alpine\nRUN ${'sh -c "'.repeat(200)}x${'"'.repeat(200)}\n`],
    ['an unterminated heredoc to the end', `FROM alpine\nRUN <<EOF\n${'echo x\n'.repeat(2_000)}`],
    ['10,000 heredoc openers', `FROM alpine\nRUN cat ${'<<E '.repeat(10_000)}\nE\n`],
    ['a 50,000-character word', `FROM alpine\nRUN ${'a'.repeat(50_000)}\n`],
    ['10,000 `&&` in one RUN', `FROM alpine\nRUN ${'echo $(id) && '.repeat(10_000)}true\n`],
    ['10,000 stages', 'FROM alpine AS s\n'.repeat(10_000)],
    ['10,000 ARGs', `${'ARG A=1\n'.repeat(5_000)}FROM alpine\n${'ARG A\n'.repeat(5_000)}`],
    [
      '2,000 undefined variables with 2,000 names in scope',
      `FROM alpine\n${Array.from({ length: 2_000 }, (_, i) => `ARG NAME_${i}=x\n`).join('')}${Array.from({ length: 2_000 }, (_, i) => `ENV X${i}=$UNDEFINED_${i}\n`).join('')}`,
    ],
    [
      '10,000 SHELL instructions and RUNs',
      `FROM alpine\n${'SHELL ["/bin/bash", "-c"]\nRUN a | b\n'.repeat(5_000)}`,
    ],
    ['only a byte order mark', '\uFEFF'],
    ['only line breaks', '\n\r\n\r'.repeat(1_000)],
  ])('%s', (_, text) => {
    lintChecked(text);
  });
});
