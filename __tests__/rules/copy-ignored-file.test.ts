// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import rule from '../../src/rules/copy-ignored-file.js';
import {
  excludedBy,
  mayBeReincluded,
  parseDockerignore,
} from '../../src/rules/shared/buildkit-dockerignore.js';
import { testRule } from '../support/rule-tester.js';

// Without a .dockerignore (the rule tester passes none) the rule never fires.
testRule(rule, {
  valid: [
    'FROM alpine\nCOPY . /app',
    'FROM alpine\nCOPY Dockerfile secrets.env /app/',
    'FROM alpine\nADD node_modules /app/node_modules',
    'FROM alpine AS build\nFROM alpine\nCOPY --from=build /out /out',
    'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF',
    'FROM alpine\nADD https://example.org/a.tgz /tmp/',
  ],
  invalid: [],
});

interface Case {
  readonly name: string;
  readonly dockerignore: string;
  readonly code: string;
  /** Lines of the expected findings, in order; each with a substring of its message when given. */
  readonly errors: readonly { line: number; message?: string }[];
}

function findings(testCase: Case) {
  return lintText(testCase.code, { rules: [rule], dockerignore: testCase.dockerignore }).findings;
}

const cases: Case[] = [
  // BuildKit's own tests (dockerfile_check_test.go: testCopyIgnoredFiles and friends).
  {
    name: 'upstream: COPY and ADD of an ignored file',
    dockerignore: '\nDockerfile\n',
    code: '\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n',
    errors: [
      {
        line: 3,
        message: 'COPY source `Dockerfile` is excluded by `.dockerignore` (pattern `Dockerfile` on line 2)',
      },
      { line: 4, message: 'ADD source `Dockerfile`' },
    ],
  },
  {
    name: 'upstream: a destination or a --from source is not checked',
    dockerignore: '\nfoobar\n',
    code: '\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n',
    errors: [],
  },
  {
    name: 'upstream: a negation re-including the copied file',
    dockerignore: '\n**\n!Dockerfile\n',
    code: '\nFROM scratch\nCOPY ./Dockerfile .\n',
    errors: [],
  },
  {
    name: 'upstream: the context root with an exception',
    dockerignore: '\n**\n!Dockerfile\n',
    code: '\nFROM scratch\nCOPY . .\n\t',
    errors: [],
  },
  {
    name: 'upstream: the root and a dotfiles pattern',
    dockerignore: '\n.*\n',
    code: '\nFROM scratch\nCOPY . .\n',
    errors: [],
  },
  {
    name: 'upstream: the root and a catch-all pattern',
    dockerignore: '\n*\n',
    code: '\nFROM scratch\nCOPY . .\n',
    errors: [{ line: 3, message: 'the whole build context' }],
  },
  ...[
    ['sibling file in the excluded directory', 'sub\n!sub/b.txt\n'],
    ['different directory', 'sub\n!other.txt\n'],
    ['nonexistent path', 'sub\n!nope/missing.txt\n'],
    ['negation before the exclusion', '!sub/b.txt\nsub\n'],
  ].map(([what, dockerignore]) => ({
    name: `upstream: an unrelated negation does not silence the rule (${what})`,
    dockerignore,
    code: '\nFROM scratch\nCOPY sub/a.txt /\n',
    errors: [{ line: 3, message: '(pattern `sub` on line' }],
  })),
  ...[
    ['copy of the excluded directory', 'COPY sub /sub', 'sub\n!sub/a.txt\n'],
    ['copy of the context root', 'COPY . /ctx', 'sub\n!sub/a.txt\n'],
    ['copy of the negated file', 'COPY sub/a.txt /', 'sub\n!sub/a.txt\n'],
    ['wildcard copy from the excluded directory', 'COPY sub/*.txt /', 'sub\n!sub/a.txt\n'],
    ['escaped negation', 'COPY su.b /sub', 'su.b\n!su\\.b/keep.txt\n'],
  ].map(([what, instruction, dockerignore]) => ({
    name: `upstream: a negation re-including part of the copy silences it (${what})`,
    dockerignore,
    code: `\nFROM scratch\n${instruction}\n`,
    errors: [],
  })),

  // Beyond BuildKit's own tests.
  {
    name: 'a parent directory match covers the files below it',
    dockerignore: 'node_modules\n',
    code: 'FROM node:20\nCOPY package.json node_modules/.bin/tool /app/',
    errors: [{ line: 2, message: '`node_modules/.bin/tool`' }],
  },
  {
    name: 'a leading / in the source still means the context (BuildKit misses this)',
    dockerignore: '/secrets\n',
    code: 'FROM alpine\nCOPY /secrets/key.pem /etc/ssl/',
    errors: [{ line: 2 }],
  },
  {
    name: 'JSON form and an expanded ARG',
    dockerignore: '*.env\n',
    code: 'FROM alpine\nARG ENV_FILE=prod.env\nCOPY ["app.conf", "local.env", "/etc/app/"]\nCOPY ${ENV_FILE} /etc/app/',
    errors: [
      { line: 3, message: '`local.env`' },
      { line: 4, message: '`prod.env`' },
    ],
  },
  {
    name: 'a source on a continuation line is reported on the instruction’s first line; lowercase keyword',
    dockerignore: '# build output\ndist/\n',
    code: 'FROM nginx\ncopy index.html \\\n  dist/app.js /usr/share/nginx/html/',
    errors: [{ line: 2, message: 'copy source `dist/app.js`' }],
  },
  {
    name: 'ONBUILD COPY, heredocs, URLs, git sources and unknown variables are not checked',
    dockerignore: '*\n',
    code: 'FROM alpine\nONBUILD COPY . /app\nCOPY <<EOF /a\nx\nEOF\nADD https://example.org/x.tgz git@github.com:org/repo.git /src/\nCOPY $FROM_BASE_IMAGE /x',
    errors: [],
  },
  {
    name: 'a .dockerignore Docker would reject silences the rule',
    dockerignore: 'Dockerfile\n!\n',
    code: 'FROM alpine\nCOPY Dockerfile /',
    errors: [],
  },
  {
    name: 'an empty .dockerignore',
    dockerignore: '# nothing\n\n',
    code: 'FROM alpine\nCOPY . /',
    errors: [],
  },
  {
    name: 'every stage; several sources, one line each',
    dockerignore: '.git\n**/*.log\n',
    code: 'FROM alpine AS a\nCOPY .git/HEAD /\nFROM alpine\nCOPY logs/app.log debug.log README.md /',
    errors: [
      { line: 2, message: 'pattern `.git` on line 1' },
      { line: 4, message: '`logs/app.log`' },
      { line: 4, message: '`debug.log`' },
    ],
  },
];

describe('copy-ignored-file with a .dockerignore', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const found = findings(testCase);
      expect(found.map((finding) => finding.line)).toEqual(testCase.errors.map((error) => error.line));
      for (const [i, error] of testCase.errors.entries()) {
        if (error.message) expect(found[i].message).toContain(error.message);
        expect(found[i].fix).toBeUndefined();
      }
    });
  }
});

/** `patternmatcher` semantics, from moby/patternmatcher's own tests (MatchesOrParentMatches). */
describe('.dockerignore patterns', () => {
  const excluded = (patterns: string, path: string) => {
    const ignore = parseDockerignore(patterns);
    if (ignore === null) throw new Error(`rejected: ${patterns}`);
    return excludedBy(ignore, path) !== null;
  };
  const table: [string, string, boolean][] = [
    // `**`
    ['**', 'file', true],
    ['**/', 'dir/file', true],
    ['**/**', 'dir/file', true],
    ['dir/**', 'dir/dir2/file', true],
    ['abc/**', 'abc', false],
    ['**/dir', 'dir', true],
    ['**/dir', 'dir/file', true],
    ['**/dir2/*', 'dir/dir2/file', true],
    ['**file', 'dir/dir/file', true],
    ['**/*.txt', 'file.txt', true],
    ['**/**/*.txt2', 'dir/dir/file.txt', false],
    ['a**/*.txt', 'a/dir/dir/file.txt', true],
    ['**/foo/bar', 'dir/dir2/foo/bar', true],
    ['**/.foo', 'bar.foo', false],
    // `*` and `?` stop at `/`
    ['*', 'fileutils.go', true],
    ['*.go', 'fileutils.go', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['a*/b', 'abc/b', true],
    ['a*/b', 'a/c/b', false],
    ['abc?def', 'abcZdef', true],
    ['abc?def', 'abcdef', false],
    ['a?b', 'a/b', false],
    ['.*', '.foo', true],
    ['.*', 'foo', false],
    // character classes
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aae', false],
    ['a[^b-d]e', 'aze', true],
    ['[\\]a]', ']', true],
    ['[x\\-]', '-', true],
    ['[a-ζ]*', 'α', true],
    // escapes and regexp characters taken literally
    ['a\\*b', 'a*b', true],
    ['abc.def', 'abcdef', false],
    ['a(b)c/def', 'a(b)c/def', true],
    ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
    // cleaning: trailing and leading slashes, `./`, `..`
    ['docs/', 'docs/README.md', true],
    ['/docs', 'docs/README.md', true],
    ['./docs', 'docs', true],
    ['a/../b', 'b/c', true],
    // a parent directory covers its children
    ['node_modules', 'node_modules/x/y.js', true],
    ['node_modules', 'src/node_modules', false],
  ];
  for (const [pattern, path, expected] of table)
    it(`${pattern} ${expected ? 'excludes' : 'keeps'} ${path}`, () =>
      expect(excluded(pattern, path)).toBe(expected));

  it('exceptions: later patterns win, in both directions', () => {
    expect(excluded('docs\n!docs/README.md', 'docs/README.md')).toBe(false);
    expect(excluded('docs/*\n!docs/README.md', 'docs/README.md')).toBe(false);
    expect(excluded('*.go\n!fileutils.go', 'fileutils.go')).toBe(false);
    expect(excluded('!fileutils.go\n*.go', 'fileutils.go')).toBe(true);
    expect(excluded('**\n!util/docker/web', 'util/docker/web/foo')).toBe(false);
    expect(excluded('**\n!util/docker/web\nutil/docker/web/foo', 'util/docker/web/foo')).toBe(true);
  });

  it('comments only in the first column; lines trimmed; CRLF and a byte order mark', () => {
    expect(excluded('# secrets\nsecrets', 'secrets')).toBe(true);
    expect(excluded('#secrets', 'secrets')).toBe(false);
    // An indented `#` is a pattern, as in ignorefile.ReadAll.
    expect(excluded('  #secrets', '#secrets')).toBe(true);
    expect(excluded('\uFEFFbuild  \r\n  dist\r\n', 'dist')).toBe(true);
    expect(excluded('\uFEFFbuild  \r\n', 'build')).toBe(true);
    expect(excluded('! /inverted/path\n', 'inverted/path')).toBe(false);
  });

  it('patterns Docker rejects make the whole file unusable', () => {
    for (const bad of ['!', '[', 'a[', '[^', '[]a]', '[-]', '[x-]', '[a-b-c]', 'a\\'])
      expect(parseDockerignore(`ok\n${bad}\n`), bad).toBeNull();
  });

  it('exceptions that may re-include part of a copied path', () => {
    const ignore = parseDockerignore('sub\n!sub/keep/*.txt\n!*/other.txt\n');
    if (ignore === null) throw new Error('rejected');
    expect(mayBeReincluded(ignore, 'sub')).toBe(true);
    expect(mayBeReincluded(ignore, 'sub/keep/a.txt')).toBe(true);
    expect(mayBeReincluded(ignore, '.')).toBe(true);
    // `*/other.txt` has a wildcard at the top: it may match below anything.
    expect(mayBeReincluded(ignore, 'zzz/x')).toBe(true);
    const narrow = parseDockerignore('sub\n!sub/keep.txt\n');
    if (narrow === null) throw new Error('rejected');
    expect(mayBeReincluded(narrow, 'sub/other.txt')).toBe(false);
    expect(mayBeReincluded(narrow, 'other')).toBe(false);
  });
});
