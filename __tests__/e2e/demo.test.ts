/**
 * `npm run demo`'s core (the build step aside): the stand-in, the bundled action, and the page it writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { markdownHtml, runDemo } from '../../scripts/demo.js';
import { cleanUp, tempDir } from './harness.js';

afterAll(cleanUp);

test('the demo runs the action on the sample PR and writes one self-contained page with the comments', async () => {
  const outDir = tempDir('dockerfile-review-demo-test-');
  const result = await runDemo({ outDir });
  // The sample PR has an error (shell form on a distroless base): the step fails, as it would block the merge.
  expect(result.run.code, result.run.stdout + result.run.stderr).toBe(1);
  expect(existsSync(result.htmlPath)).toBe(true);
  const html = readFileSync(result.htmlPath, 'utf8');
  expect(html).toBe(result.html);

  // Self-contained: no scripts, no fetched resources.
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=/i);
  // The Files changed view: each Dockerfile's diff, the comments under their lines, the suggestions as diffs.
  for (const path of [
    'services/api/Dockerfile',
    'tools/report/Dockerfile',
    'web/Dockerfile',
    'worker/Containerfile',
  ]) {
    expect(html).toContain(`<span class="path">${path}</span>`);
  }
  const threads = html.match(/<tr class="threads">/g) ?? [];
  expect(threads.length).toBeGreaterThanOrEqual(4);
  expect(html).toContain('commented on lines +13 to +14');
  expect(html).toContain('<div class="suggestion-head">Suggested change</div>');
  expect(html).toContain(
    '<tr class="add"><td class="mark">+</td><td class="code">CMD [&#34;node&#34;, &#34;server.js&#34;, &#34;--port&#34;, &#34;3000&#34;]</td></tr>',
  );
  expect(html).toContain(
    '<tr class="del"><td class="mark">-</td><td class="code">CMD node server.js \\</td></tr>',
  );
  // The summary comment, the check run and the request count are on the page too.
  expect(html).toContain('What <code>docker run IMAGE</code> runs');
  expect(html).toMatch(/<strong>dockerfile-review<\/strong><span>completed: failure<\/span>/);
  expect(html).toContain('shell-form-without-shell');
  expect(html).toContain(`The action made ${result.view.requests.total} API requests`);
  // PR text is data: quotes are entities, hidden markers are gone.
  expect(html).toContain('LABEL maintainer=&#34;team@example.com&#34;');
  expect(html).not.toContain('<!-- dockerfile-review');

  // The terminal version shows the same.
  expect(result.text).toContain('  - CMD node server.js \\\n');
  expect(result.text).toContain('  + CMD ["node", "server.js", "--port", "3000"]');
  expect(result.text).toMatch(/conclusion failure, \d+ annotation\(s\)/);
  expect(result.text).toMatch(/^\d+ requests, \d+ of them writes:$/m);
});

test('the page escapes everything a comment quotes', () => {
  const html = markdownHtml(
    'Text <img src=x onerror=alert(1)> and [a link](<javascript:alert(1)>) and `<b>code</b>` &lt;kept&gt;\n\n```suggestion\n<script>x</script>\n```',
    ['<old>'],
  );
  expect(html).not.toMatch(/<img|<script|<b>|href="javascript/);
  expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  expect(html).toContain('<code>&#60;b&#62;code&#60;/b&#62;</code>');
  expect(html).toContain('&#60;kept&#62;');
  expect(html).toContain('<td class="code">&#60;script&#62;x&#60;/script&#62;</td>');
  expect(html).toContain('<td class="code">&#60;old&#62;</td>');
});
