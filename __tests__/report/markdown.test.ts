import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import type { Finding } from '../../src/engine/types.js';
import {
  codeBlock,
  codeSpan,
  escapeMarkdown,
  inlineMarkdown,
  markdownReport,
  runtimeMarkdown,
} from '../../src/report/markdown.js';
import { allRules } from '../../src/rules/index.js';

const ZWJ = '\u200D';

/** Hostile text a Dockerfile can hold; none of it may act once quoted into a comment. */
const HOSTILE = [
  '@org/team',
  '@octocat',
  '<img src=x onerror=alert(1)>',
  '```',
  '<!-- hide the rest -->',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Actions expression or Dockerfile variable, the input under test
  '${{ secrets.X }}',
  'fixes #12',
  'a | b',
  '[click](https://evil.example)',
  '**bold** _it_ ~~s~~',
  '&amp;',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('neutralises %j', (text) => {
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toMatch(/@[A-Za-z0-9]/); // no mention
    expect(escaped).not.toMatch(/<[A-Za-z!/]/); // no HTML tag or comment
    expect(escaped).not.toContain('${{'); // no Actions expression in the raw body
    expect(escaped).not.toMatch(/#\d/); // no issue reference
    expect(escaped).not.toMatch(/(^|[^\\])[|`[\]*_~]/); // Markdown punctuation all escaped
    expect(escaped).not.toContain('\n');
  });

  it('keeps what a reader sees: entities and escapes, not deletions', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWJ}org/team`);
    expect(escapeMarkdown('<img src=x>')).toBe('&lt;img src=x&gt;');
    expect(escapeMarkdown('<!-- x -->')).toBe('&lt;!-- x --&gt;');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Actions expression or Dockerfile variable, the input under test
    expect(escapeMarkdown('${{ secrets.X }}')).toBe('&#x24;\\{\\{ secrets.X \\}\\}');
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('```')).toBe('\\`\\`\\`');
    expect(escapeMarkdown('&amp;')).toBe('&amp;amp;');
    expect(escapeMarkdown('$HOME and #tag')).toBe('$HOME and \\#tag');
    expect(escapeMarkdown('line one\nline two')).toBe('line one line two');
  });

  it('stops a leading list, heading or numbered-list marker', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('a - b')).toBe('a - b');
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('CMD ["x"]')).toBe('`CMD ["x"]`');
    expect(codeSpan('echo `date`')).toBe('`` echo `date` ``');
    expect(codeSpan('a ``` b')).toBe('````a ``` b````');
    expect(codeSpan('`')).toBe('`` ` ``');
  });

  it('keeps spaces that CommonMark would strip, and shows an empty text', () => {
    expect(codeSpan(' x ')).toBe('`  x  `');
    expect(codeSpan('x ')).toBe('`x `');
    expect(codeSpan('')).toBe('` `');
  });

  it('leaves the text literal (no mention, HTML or comment inside code) but escapes | in tables', () => {
    expect(codeSpan('@org/team <!-- x -->')).toBe('`@org/team <!-- x -->`');
    expect(codeSpan('a | b', { inTable: true })).toBe('`a \\| b`');
    expect(codeSpan('a\nb')).toBe('`a b`');
  });
});

describe('codeBlock', () => {
  it('cannot be closed by the text it holds', () => {
    const text = 'RUN echo ```\nRUN echo ````';
    const block = codeBlock(text, 'dockerfile');
    expect(block).toBe(`\`\`\`\`\`dockerfile\n${text}\n\`\`\`\`\``);
    expect(codeBlock('FROM alpine\n')).toBe('```\nFROM alpine\n```');
  });

  it('drops an info string that is not a plain language name', () => {
    expect(codeBlock('x', 'js onload=1')).toBe('```\nx\n```');
  });
});

describe('inlineMarkdown (rule messages)', () => {
  it('keeps the rule’s code spans and escapes the rest', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal Actions expression or Dockerfile variable, the input under test
    expect(inlineMarkdown('Use `ENV NAME=${NAME}` for @team')).toBe(
      `Use \`ENV NAME=\${NAME}\` for @${ZWJ}team`,
    );
  });

  it('refences quoted text that holds backticks, and leaves unmatched ones literal', () => {
    expect(inlineMarkdown('Unknown instruction `a``b`.')).toBe('Unknown instruction ```a``b```.');
    expect(inlineMarkdown('odd ` here')).toBe('odd \\` here');
  });

  it('escapes | inside code spans in tables', () => {
    expect(inlineMarkdown('runs `a | b`', { inTable: true })).toBe('runs `a \\| b`');
  });
});

function finding(message: string, line = 2): Finding {
  return {
    ruleId: 'exec-form',
    severity: 'warning',
    message,
    line,
    column: 1,
    endLine: line,
    endColumn: 5,
    refs: {},
  };
}

describe('markdownReport', () => {
  it('neutralises hostile text in messages and paths', () => {
    const path = 'evil/@org/team/<img src=x>/Dockerfile';
    const markdown = markdownReport([{ path, findings: [finding(`Quoted: ${HOSTILE.join(' ')}`)] }]);
    // The path is shown as code, where GitHub links no mention and renders no HTML.
    expect(markdown).toContain(`### \`${path}\``);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| 2 |'));
    expect(rows).toHaveLength(1);
    const message = rows[0].split(/(?<!\\)\|/)[4];
    expect(message).not.toMatch(/@[A-Za-z0-9]/);
    expect(message).not.toMatch(/<[A-Za-z!/]/);
    expect(message).not.toContain('${{');
    expect(message).not.toMatch(/#\d/);
    expect(message).not.toMatch(/(^|[^\\])```/);
    // Exactly four cells: every `|` inside the message is escaped.
    expect(rows[0].split(/(?<!\\)\|/).length - 2).toBe(4);
  });

  it('counts findings, links rules to their docs and lines to a link when given', () => {
    const markdown = markdownReport(
      [
        { path: 'a/Dockerfile', findings: [finding('one'), { ...finding('two', 3), severity: 'error' }] },
        { path: 'b/Dockerfile', findings: [] },
      ],
      {
        title: 'Dockerfile review',
        headingLevel: 3,
        lineLink: (path, line) => `https://example.test/${path}#L${line}`,
      },
    );
    expect(markdown).toContain('### Dockerfile review\n\n**2 findings** (1 error, 1 warning) in 2 files.');
    expect(markdown).toContain('#### `a/Dockerfile`');
    expect(markdown).toContain('| [2](<https://example.test/a/Dockerfile#L2>) | ⚠️ warning | [`exec-form`](<');
    expect(markdown).toContain('| [3](<https://example.test/a/Dockerfile#L3>) | ❌ error |');
    expect(markdown).toContain('#### `b/Dockerfile`\n\nNo findings.');
  });

  it('says so when there is nothing', () => {
    expect(markdownReport([{ path: 'Dockerfile', findings: [] }])).toBe(
      '## dockerfile-review\n\nNo findings in 1 file.\n\n### `Dockerfile`\n\nNo findings.\n',
    );
  });
});

describe('runtimeMarkdown: what `docker run` runs in the final stage', () => {
  const describeFinal = (text: string) => {
    const runtimes = lintText(text, { rules: allRules }).runtimes;
    return runtimeMarkdown(runtimes[runtimes.length - 1]);
  };

  it('exec ENTRYPOINT and CMD: CMD words appended, replaced by ARGS', () => {
    const text = describeFinal(
      'FROM python:3 AS base\nENTRYPOINT ["python"]\nFROM base AS final\nCMD ["app.py"]\n',
    );
    expect(text).toContain(
      '**What `docker run IMAGE` runs** (final stage `final`): `["python", "app.py"]` (ENTRYPOINT from stage `base`)',
    );
    expect(text).toContain('**`docker run IMAGE ARGS`**: `["python", ARGS]`');
    expect(text).not.toContain('base image');
  });

  it('the base image decides when the file sets neither', () => {
    const text = describeFinal('FROM node:22\nRUN npm ci\n');
    expect(text).toContain("the base image's default command");
    expect(text).toContain('`node:22` decides');
  });

  it('CMD only: a base ENTRYPOINT may still apply', () => {
    const text = describeFinal('FROM node:22\nCMD ["node", "server.js"]\n');
    expect(text).toContain('`["node", "server.js"]`');
    expect(text).toContain('**`docker run IMAGE ARGS`**: `[ARGS]`');
    expect(text).toContain('If the base image `node:22` sets an ENTRYPOINT, it runs first');
  });

  it('shell ENTRYPOINT: arguments are ignored', () => {
    const text = describeFinal('FROM alpine\nENTRYPOINT exec top -b\nCMD ["-d", "1"]\n');
    expect(text).toContain('`["/bin/sh", "-c", "exec top -b"]`');
    expect(text).toContain('a shell-form ENTRYPOINT ignores CMD and the arguments');
  });

  it('scratch with no command: nothing runs', () => {
    const text = describeFinal('FROM scratch\nCOPY app /app\n');
    expect(text).toContain('nothing: the image has no ENTRYPOINT or CMD');
    expect(text).toContain('ARGS alone, as the command');
  });
});
