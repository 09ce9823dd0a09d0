// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Dockerfile and shell text, `${X}` included.
/**
 * The quick shell reader (src/engine/shell-fast.ts) must read every script it accepts exactly as mvdan-sh does:
 * same commands, words, values, positions, assignments and pipes. Generated scripts mix what it accepts with
 * what it must hand over (expansions, compound commands, here-documents, background jobs, syntax errors).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShellUncached } from '../../src/engine/shell.js';
import { quickParse } from '../../src/engine/shell-fast.js';

const word = fc.oneof(
  fc.constantFrom(
    'apt-get',
    'install',
    '-y',
    '--no-install-recommends',
    'curl',
    'rm',
    '-rf',
    '/var/lib/apt/lists/*',
  ),
  fc.constantFrom(
    'echo',
    'sh',
    'bash',
    '-c',
    '-ec',
    'exec',
    'node',
    'a=b',
    'FOO=1',
    'X=',
    '2',
    '12',
    '~/x',
    '[',
    ']',
  ),
  fc.constantFrom(
    '"a b"',
    "'c d'",
    '""',
    "''",
    'x"y"z',
    '"$HOME"',
    '$X',
    '${Y:-z}',
    '`id`',
    '$(pwd)',
    'a\\ b',
  ),
  fc.constantFrom(
    'if',
    'then',
    'fi',
    'done',
    'for',
    'in',
    'export',
    'declare',
    'let',
    'time',
    '{',
    '}',
    '!',
    '[[',
  ),
  fc.constantFrom(
    '"sh -c"',
    '"echo hi | cat"',
    "'apt-get update && apt-get install -y x'",
    'é',
    '日本',
    'A+=1',
    'a[1]=2',
  ),
  fc.constantFrom(
    '"a $B c"',
    '$@',
    '${Z}',
    '$$',
    '${A:-$B}',
    '$1x',
    'x$Y-z',
    '"${P:=/opt}"',
    '$',
    '$"x"',
    "$'x'",
  ),
  fc.constantFrom('"unterminated', "it's", '#comment', 'a#b', 'x=(1 2)', 'f()', '*.txt', '%', 'a,b', '{a,b}'),
  fc.stringMatching(/^[a-z0-9._/=-]{1,8}$/),
);
const operator = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  ' && ',
  '&&',
  ' || ',
  ' | ',
  '|',
  '; ',
  ';',
  '\n',
  ' &&\n ',
  ' |& ',
  ' & ',
  ';;',
  ' > /dev/null ',
  ' 2>&1 ',
  ' >>log ',
  ' <in ',
  ' &> out ',
  ' 2> err ',
  ' >&2 ',
  ' << EOF\nbody\nEOF\n',
  ' <<< x ',
  ' # note\n',
  '\r\n',
);
const script = fc
  .array(fc.tuple(word, operator), { minLength: 0, maxLength: 12 })
  .map((parts) => parts.map(([w, op]) => w + op).join(''));

// Compound commands around generated scripts: loops, case items (with each terminator), backquotes and `if`.
// Mostly plain commands, so that most compounds are readable; sometimes anything the generator above makes.
const plainWord = fc.oneof(
  fc.constantFrom('echo', 'rm', '-rf', '"a b"', '$X', '"$f"', '`id`', '$(pwd)', 'é'),
  fc.stringMatching(/^[a-z0-9._/-]{1,6}$/),
);
// Commands of one to three words, joined by operators, with no operator left dangling at the end.
const plainCommand = fc.array(plainWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const plainScript = fc
  .tuple(
    plainCommand,
    fc.array(fc.tuple(fc.constantFrom(' && ', ' | ', '; ', '\n', ' > /dev/null; '), plainCommand), {
      maxLength: 3,
    }),
  )
  .map(([first, rest]) => first + rest.map(([op, command]) => op + command).join(''));
const pattern = fc.constantFrom('a', '*', 'x86_64', '"q r"', '[a-z]*', '$P', '#c', '(b');
const body = fc.oneof(
  { weight: 3, arbitrary: plainScript },
  { weight: 1, arbitrary: script.filter((text) => text.length < 60) },
);
const separator = fc.constantFrom('; ', ';', '\n', ' ;\n  ');
const compound = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('x', 'f', 'x', '1x'),
      fc.array(fc.oneof(plainWord, plainWord, word), { maxLength: 3 }),
      separator,
      body,
    )
    .map(
      ([name, items, sep, list]) =>
        `for ${name}${items.length ? ` in ${items.join(' ')}` : ''}${sep}do ${list}${sep}done`,
    ),
  fc
    .tuple(fc.constantFrom('while', 'until'), body, separator, body)
    .map(([keyword, condition, sep, list]) => `${keyword} ${condition}${sep}do ${list}${sep}done`),
  fc
    .tuple(
      word,
      fc.array(
        fc.tuple(
          fc.array(fc.oneof(pattern, pattern, word), { minLength: 1, maxLength: 2 }),
          body,
          fc.constantFrom(';;', ';&', ';;&', '\n;;'),
        ),
        { maxLength: 3 },
      ),
    )
    .map(
      ([subject, items]) =>
        `case ${subject} in ${items.map(([patterns, list, end]) => `${patterns.join('|')}) ${list}${end}`).join(' ')} esac`,
    ),
  body.map((list) => `echo \`${list}\``),
  fc.tuple(body, body).map(([condition, list]) => `if ${condition}; then ${list}; fi`),
  body.map((list) => `(${list})`),
);
const compoundScript = fc
  .tuple(
    compound,
    fc.array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(' && ', '; ', '\n', ' | ', ' > /dev/null; ', ' < in || ') },
          { weight: 1, arbitrary: operator },
        ),
        fc.oneof({ weight: 3, arbitrary: compound }, { weight: 1, arbitrary: plainScript }),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([first, rest]) => first + rest.map(([op, next]) => op + next).join(''));

describe('the quick shell reader', () => {
  it('reads every loop, case and backquote it accepts exactly as mvdan-sh does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(compoundScript, (text) => {
        if (quickParse(text) === null) return;
        accepted++;
        expect(parseShellUncached(text, 'auto')).toEqual(parseShellUncached(text, 'full'));
      }),
      { seed: Number(process.env.SHELL_SEED ?? 20261201), numRuns: Number(process.env.SHELL_RUNS ?? 3000) },
    );
    console.log('ACCEPTED', accepted);
    expect(accepted).toBeGreaterThan(600);
  });

  it('reads every script it accepts exactly as mvdan-sh does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(script, fc.boolean(), fc.boolean(), (text, lead, trail) => {
        const full = `${lead ? ' ' : ''}${text}${trail ? ';' : ''}`;
        if (quickParse(full) === null) return;
        accepted++;
        expect(parseShellUncached(full, 'auto')).toEqual(parseShellUncached(full, 'full'));
      }),
      { seed: Number(process.env.SHELL_SEED ?? 20261130), numRuns: Number(process.env.SHELL_RUNS ?? 3000) },
    );
    // The generator must exercise the quick path, not only hand everything over.
    expect(accepted).toBeGreaterThan(300);
  });

  it.each([
    'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
    'set -eux; mkdir -p /app; chown app:app /app',
    'curl -fsSL https://example.com/x.tgz | tar -xz -C /opt',
    'DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata',
    'sh -c "npm ci && npm run build" > /tmp/log 2>&1',
    'pip install --no-cache-dir "requests==2.32.3" \'flask>=3\'',
    'echo done; echo fi',
    'A=1 B=2',
    'set -eux; app=$(cat /etc/hostname); echo "$app" | tr a-z A-Z > /tmp/name',
    'echo $(date | cut -c1-4) | cat',
    'set -e\nif [ -f /etc/os-release ]; then . /etc/os-release; fi\nexport PATH=/opt/bin:$PATH\ncd /src && make',
    'if a | b; then c; elif d; then e; else f; fi | g && h',
    'cd "$HOME" && ./configure --prefix=${PREFIX:-/usr/local} && make -j$(nproc)'.replace(
      '$(nproc)',
      '$JOBS',
    ),
    'a |b|c && d || e ; f',
    'echo `pwd`',
    'echo "built on `date -u +%F`" > /etc/build-date',
    'x=`a | b` c',
    'for x in a; do b; done',
    'for f in /etc/app/*.conf; do chmod 0644 "$f"; done',
    'for f in $(ls /x) "$Y"\ndo\n  rm "$f"\ndone | cat',
    'for x; do echo "$x"; done',
    'while a; do b; done',
    'while read -r pkg; do pip install "$pkg"; done < /tmp/requirements.txt',
    'until curl -f localhost; do sleep 1; done && echo up',
    'for a in 1 2; do for b in 3; do echo $a$b; done; done',
    'case "$(uname -m)" in x86_64) echo amd64 > /arch;; aarch64) echo arm64 > /arch;; esac',
    'case $X in\n  (a|b) echo ab ;;\n  *) ;;& \n  c) echo c ;&\n  d) echo d\nesac',
    'case x in esac',
    '(cd /x && make) && (a | b; c) | d',
    'git clone x /tmp/t && (cd /tmp/t && make install) && rm -rf /tmp/t',
    '',
    '  # only a comment',
  ])('reads %j as mvdan-sh does', (text) => {
    expect(quickParse(text)).not.toBeNull();
    expect(parseShellUncached(text, 'auto')).toEqual(parseShellUncached(text, 'full'));
  });

  it.each([
    'echo `echo \\`id\\``',
    'echo `a # b`',
    'for ((i = 0; i < 3; i++)); do b; done',
    'for x in a; do; done',
    'while a; do b; done x',
    'case $x in $(a)) b;; esac',
    'case x in @(a|b)) c;; esac',
    'echo a;; b',
    'echo $((1 + 2))',
    '((x++))',
    '()',
    'a (b)',
    'echo ${X:-$(id)}',
    'x=$(a | b',
    'if a; then; fi',
    'a &',
    'a |& b',
    'cat <<EOF\nx\nEOF',
    'let x=1',
    'a &&',
    '; a',
    'echo "unterminated',
    'echo a\\ b',
  ])('hands %j to mvdan-sh', (text) => {
    expect(quickParse(text)).toBeNull();
  });

  it('reads a 1 MB chain in linear time, where mvdan-sh would overflow its stack', () => {
    const chain = `${'echo step-0123456789 && '.repeat(40_000)}true`;
    const started = performance.now();
    const read = parseShellUncached(chain);
    expect(read.error).toBeNull();
    expect(read.commands).toHaveLength(40_001);
    // A hang detector, not a performance assertion: linear code needs well under a second.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('turns what mvdan-sh cannot read in time into an error, not a crash', () => {
    const chain = `${'echo $((1+1)) && '.repeat(4_000)}true`;
    const read = parseShellUncached(chain);
    expect(read.commands).toEqual([]);
    expect(read.error).toMatch(/too long|too deeply/);
  });
});
