// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Dockerfile and shell text, `${X}` included.
/**
 * Dockerfile content is untrusted text that lands in comments other people read and get notified by. Lint a
 * Dockerfile full of Markdown and HTML tricks, build the real bodies (inline review comment with a suggestion,
 * the PR summary, the CLI's Markdown report), render them with a CommonMark renderer, and check that all of it
 * stays inert: no HTML element or comment from the file, no mention, no Actions expression outside code, no
 * fence or table broken, no marker forged.
 */
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import { SUMMARY_MARKER } from '../../src/github/summary-comment.js';
import { findingFingerprints } from '../../src/report/fingerprint.js';
import { markdownReport } from '../../src/report/markdown.js';
import { fingerprintOf, inlineCommentBody, summaryMarkdown } from '../../src/report/pr-markdown.js';
import { lineSuggestion } from '../../src/report/suggestion.js';
import type { PlacedFinding, ReviewedFile } from '../../src/review-model.js';
import { allRules } from '../../src/rules/index.js';

const HOSTILE = [
  '@org/team',
  '@octocat',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- hide the rest',
  '-->',
  '```',
  '~~~',
  '${{ secrets.GITHUB_TOKEN }}',
  '#1',
  '| cell |',
  '[link](javascript:alert(1))',
  '<!-- dockerfile-review:fp=0123456789abcdef -->',
  SUMMARY_MARKER,
].join(' ');

const DOCKERFILE = [
  'FROM alpine:3.20',
  `# ${HOSTILE}`,
  `LABEL description="${HOSTILE}"`,
  `FROOM ${HOSTILE}`,
  `ARG A=${HOSTILE.replaceAll(' ', '_')}`,
  `RUN echo ${HOSTILE.replaceAll(' ', '_')}`,
  `COPY ${HOSTILE.replaceAll(' ', '_')} /x`,
  `CMD echo "${HOSTILE.replaceAll('"', '')}"`,
  `CMD run ${HOSTILE.replaceAll(' ', '_').replaceAll('"', '')}`,
  `ENTRYPOINT ["@org/team", "<img src=x>", "\`\`\`", "\${{ secrets.X }}"] trailing`,
  // Plain words, so the fix is safe and becomes a suggestion quoting them.
  'CMD run @org/team @octocat',
  '',
].join('\n');

const PATH = 'svc/@org/team/<img src=x>/```/Dockerfile';

function placedFindings(): { file: ReviewedFile; placed: PlacedFinding[] } {
  const result = lintText(DOCKERFILE, { rules: allRules });
  const file: ReviewedFile = { path: PATH, result };
  const fingerprints = findingFingerprints({ path: PATH, ...result });
  const placed = result.findings.map(
    (finding, index): PlacedFinding => ({
      path: PATH,
      finding,
      placement: 'added',
      fingerprint: fingerprints[index],
      delivery: index % 2 === 0 ? 'inline' : 'rejected',
      reason: `GitHub said ${HOSTILE}`,
    }),
  );
  return { file, placed };
}

/** Element names in rendered HTML, and the HTML comments. */
function tags(html: string): { elements: Set<string>; comments: string[] } {
  const elements = new Set(
    [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((match) => match[1].toLowerCase()),
  );
  return { elements, comments: [...html.matchAll(/<!--[\s\S]*?-->/g)].map((match) => match[0]) };
}

const ALLOWED = new Set([
  'p',
  'code',
  'pre',
  'a',
  'strong',
  'em',
  'h2',
  'h3',
  'ul',
  'li',
  'blockquote',
  'sub',
  'br',
]);

/** The checks every body must pass; `ownComments` are the markers we put there on purpose. */
function expectInert(body: string, ownComments: readonly string[]): string {
  const html = micromark(body, { allowDangerousHtml: true });
  const { elements, comments } = tags(html);
  for (const element of elements) expect(ALLOWED, `<${element}> in\n${body}`).toContain(element);
  expect(comments).toEqual(ownComments);
  // Outside code, no `@name` survives (GitHub links and notifies those), nor `#1` (issue links).
  const prose = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '');
  expect(prose, body).not.toMatch(/@[A-Za-z0-9]/);
  expect(prose, body).not.toMatch(/#\d/);
  // `${{` stays only where it is shown as code: every one in the raw body is inside a code element.
  const inCode = [...html.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((match) => match[1]).join('\n');
  expect(count(body, '${{'), body).toBeLessThanOrEqual(count(inCode, '${{'));
  // Links only to our documentation.
  for (const match of html.matchAll(/href="([^"]*)"/g)) expect(match[1]).toMatch(/^https:\/\/github\.com\//);
  return html;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Every table row has the header's number of cells: a `|` from the file cannot add one. */
function expectTablesIntact(markdown: string): void {
  let columns = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = line.replace(/\\\|/g, '').split('|').length - 2;
    if (columns === 0) columns = cells;
    expect(cells, line).toBe(columns);
  }
}

describe('Dockerfile text in comments renders inert', () => {
  const { file, placed } = placedFindings();

  it('the hostile file yields findings that quote it', () => {
    expect(placed.length).toBeGreaterThanOrEqual(5);
    expect(placed.some((entry) => entry.finding.message.includes('@org/team'))).toBe(true);
    expect(placed.some((entry) => entry.finding.fix?.safety === 'safe')).toBe(true);
  });

  it('inline review comments, with and without a suggestion', () => {
    const source = file.result?.source;
    if (!source) throw new Error('not linted');
    for (const entry of placed) {
      const fix = entry.finding.fix;
      const suggestion = fix?.safety === 'safe' ? lineSuggestion(source, fix) : undefined;
      for (const options of [{}, { fileLevel: true }]) {
        const body = inlineCommentBody(entry, suggestion?.text, options);
        const html = expectInert(body, [`<!-- dockerfile-review:fp=${entry.fingerprint} -->`]);
        // The marker read back is ours, whatever the file quotes.
        expect(fingerprintOf(body)).toBe(entry.fingerprint);
        if (suggestion && !options.fileLevel) {
          // Exactly one code block, holding exactly the suggested lines: no fence in the file closes it.
          const blocks = [
            ...html.matchAll(/<pre><code class="language-suggestion">([\s\S]*?)<\/code><\/pre>/g),
          ];
          expect(blocks).toHaveLength(1);
          expect(decode(blocks[0][1])).toBe(`${suggestion.text}\n`);
        }
      }
    }
  });

  it('the pull request summary (sticky comment, job summary, check run)', () => {
    const body = summaryMarkdown(
      {
        files: [file, { path: `skipped/${HOSTILE}`, result: null, skipped: `could not read ${HOSTILE}` }],
        findings: placed,
        problems: [`the review was refused: ${HOSTILE}`],
        conclusion: { failed: true, failOn: 'error' },
        commit: 'abc1234',
        withDelivery: true,
      },
      65_536,
    );
    expectInert(body, []);
    expectTablesIntact(body);
    // A marker the file quotes stays inside code (no HTML comment renders, checked above), and the summary
    // never ends with one: the sticky comment is found by the marker that ends its body.
    expect(body.trimEnd().endsWith(SUMMARY_MARKER)).toBe(false);
  });

  it("the CLI's Markdown report", () => {
    const body = markdownReport([{ path: PATH, ...(file.result ?? lintText('', { rules: allRules })) }]);
    expectInert(body, []);
    expectTablesIntact(body);
  });
});

function decode(html: string): string {
  return html
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}
