import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, USAGE } from '../../src/cli.js';
import { CLEAN, project, runCli, SHELL_FORM_CMD, SHELL_FORM_CMD_FIXED, withoutColour } from './run-cli.js';

// The grep-able line: path:line:col severity rule message.
const FINDING_LINE = /^(\S+):(\d+):(\d+) (error|warning|info) ([a-z-]+) (.+)$/;

function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => FINDING_LINE.test(line));
}

describe('text format (the default)', () => {
  it('prints path:line:col severity rule message, then a count line', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    const run = await runCli(cwd, ['Dockerfile']);
    const lines = findingLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Dockerfile:2:1 warning exec-form CMD uses shell form/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 finding (1 warning) in 1 file. 1 fixable with --fix.',
    );
    expect(run.stderr).toBe('');
  });

  it('says so when there is nothing to report', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    const run = await runCli(cwd, []);
    expect(run).toEqual({ code: EXIT_CLEAN, stdout: 'No findings in 1 file.\n', stderr: '' });
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    const colourCode = '\u001b[';
    expect((await runCli(cwd, [], { tty: true })).stdout).toContain(colourCode);
    expect((await runCli(cwd, [])).stdout).not.toContain(colourCode);
    expect((await runCli(cwd, [], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(colourCode);
    expect((await runCli(cwd, ['--no-color'], { tty: true })).stdout).not.toContain(colourCode);
    expect((await runCli(cwd, [], { env: { FORCE_COLOR: '1' } })).stdout).toContain(colourCode);
  });

  it('keeps the plain text identical under colour once escape codes are removed', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    const plain = (await runCli(cwd, [])).stdout;
    const coloured = (await runCli(cwd, [], { tty: true })).stdout;
    expect(withoutColour(coloured)).toBe(plain);
  });
});

describe('exit status', () => {
  it('is 0 when nothing reaches --fail-on (default error), 1 when something does', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    expect((await runCli(cwd, ['Dockerfile'])).code).toBe(EXIT_CLEAN);
    expect((await runCli(cwd, ['--fail-on', 'warning'])).code).toBe(EXIT_FINDINGS);
    expect((await runCli(cwd, ['--fail-on', 'info'])).code).toBe(EXIT_FINDINGS);
    expect((await runCli(cwd, ['--fail-on', 'never'])).code).toBe(EXIT_CLEAN);
  });

  it('follows severities raised by the config', async () => {
    const cwd = project({
      Dockerfile: SHELL_FORM_CMD,
      '.dockerfile-review.yml': 'rules:\n  exec-form: error\n',
    });
    const run = await runCli(cwd, []);
    expect(run.code).toBe(EXIT_FINDINGS);
    expect(findingLines(run.stdout)[0]).toContain(' error exec-form ');
    expect((await runCli(cwd, ['--fail-on', 'never'])).code).toBe(EXIT_CLEAN);
  });

  it('drops rules the config turns off', async () => {
    const cwd = project({
      Dockerfile: SHELL_FORM_CMD,
      '.dockerfile-review.yml': 'rules:\n  exec-form: off\n',
    });
    expect(await runCli(cwd, ['--fail-on', 'info'])).toMatchObject({
      code: EXIT_CLEAN,
      stdout: 'No findings in 1 file.\n',
    });
  });

  it.each([
    [['--format', 'xml'], '--format must be one of text, json, sarif, markdown (got "xml")'],
    [['--fail-on', 'warn'], '--fail-on must be one of error, warning, info, never (got "warn")'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['-', '-'], "'-' (standard input) can be given only once"],
  ])('is 2 for the usage error %j, saying what to change', async (argv, message) => {
    const run = await runCli(project({ Dockerfile: CLEAN }), argv);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describe('the policy keys reach the rules', () => {
  const DOCKERFILE = [
    'FROM golang:1.22 AS build',
    'RUN go build -o /out/app ./cmd/app',
    'FROM registry.example.com/static:1',
    'LABEL org.opencontainers.image.version="v1.2.0" com.example.team=web',
    'COPY --from=build /out/app /app',
    '',
  ].join('\n');

  it('nothing configured: no policy finding', async () => {
    const run = await runCli(project({ Dockerfile: DOCKERFILE }), ['--format', 'json']);
    const ids = JSON.parse(run.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(ids).not.toContain('untrusted-registry');
    expect(ids.filter((id: string) => id.startsWith('label-') && id !== 'label-key-format')).toEqual([]);
  });

  it('trusted-registries, label-schema and strict-labels from the config file', async () => {
    const cwd = project({
      Dockerfile: DOCKERFILE,
      '.dockerfile-review.yml': [
        'trusted-registries: [registry.example.com]',
        'label-schema:',
        '  org.opencontainers.image.version: semver',
        '  org.opencontainers.image.source: url',
        'strict-labels: true',
        '',
      ].join('\n'),
    });
    const run = await runCli(cwd, ['--fail-on', 'never']);
    const lines = findingLines(run.stdout).filter((line) =>
      / (untrusted-registry|label-[a-z-]+) /.test(line),
    );
    expect(lines.map((line) => line.replace(FINDING_LINE, '$2 $4 $5'))).toEqual([
      '1 error untrusted-registry',
      '3 info label-missing',
      '4 warning label-value-format',
      '4 info label-not-in-schema',
    ]);
  });
});

describe('config errors exit 2 naming the key', () => {
  it.each([
    ['rules:\n  exec-form: loud\n', '`rules.exec-form` must be one of off, info, warning, error'],
    ['rules:\n  exec-fom: error\n', 'unknown rule `exec-fom` under `rules`'],
    ['ignore_paths: [x]\n', 'unknown key `ignore_paths`'],
    ['max-file-size: -1\n', '`max-file-size` must be at least 1'],
    ['rules: [\n', 'not valid YAML'],
  ])('%j', async (config, message) => {
    const cwd = project({ Dockerfile: CLEAN, '.dockerfile-review.yml': config });
    const run = await runCli(cwd, []);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('config error');
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('a --config file that does not exist', async () => {
    const run = await runCli(project({ Dockerfile: CLEAN }), ['--config', 'nope.yml']);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toMatch(/cannot read the config file .*nope\.yml/);
  });

  it('a trusted registry that is not a host name', async () => {
    const cwd = project({
      Dockerfile: CLEAN,
      '.dockerfile-review.yml': 'trusted-registries: [ghcr.io/acme]\n',
    });
    const run = await runCli(cwd, []);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('`trusted-registries.0` (`ghcr.io/acme`) is not a registry host name');
  });

  it('a --config file given explicitly is used', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD, 'ci/strict.yml': 'rules:\n  exec-form: error\n' });
    expect((await runCli(cwd, ['--config', 'ci/strict.yml'])).code).toBe(EXIT_FINDINGS);
  });
});

describe('paths', () => {
  it('walks the current directory by default: dot-directories in, node_modules and .git out, sorted', async () => {
    const cwd = project({
      'services/web/Dockerfile': SHELL_FORM_CMD,
      '.devcontainer/Dockerfile': SHELL_FORM_CMD,
      'api.Dockerfile': SHELL_FORM_CMD,
      'Containerfile.dev': SHELL_FORM_CMD,
      'Dockerfile.dockerignore': 'node_modules\n',
      'node_modules/pkg/Dockerfile': SHELL_FORM_CMD,
      '.git/Dockerfile': SHELL_FORM_CMD,
      'README.md': '# not a Dockerfile\n',
    });
    const run = await runCli(cwd, []);
    expect(findingLines(run.stdout).map((line) => line.split(':')[0])).toEqual([
      '.devcontainer/Dockerfile',
      'Containerfile.dev',
      'api.Dockerfile',
      'services/web/Dockerfile',
    ]);
  });

  it('accepts files, directories and quoted globs, each file once', async () => {
    const cwd = project({
      'a/Dockerfile': SHELL_FORM_CMD,
      'b/Dockerfile': SHELL_FORM_CMD,
      'b/Dockerfile.prod': SHELL_FORM_CMD,
      'c/custom-name': SHELL_FORM_CMD,
    });
    const run = await runCli(cwd, ['b/*.prod', 'a', 'c/custom-name', 'a/Dockerfile']);
    expect(findingLines(run.stdout).map((line) => line.split(':')[0])).toEqual([
      'b/Dockerfile.prod',
      'a/Dockerfile',
      'c/custom-name',
    ]);
  });

  it('reports what cannot be read, lints the rest, and exits 2', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD, 'empty/README.md': 'nothing here\n' });
    symlinkSync(join(cwd, 'gone'), join(cwd, 'dangling'));
    const run = await runCli(cwd, [
      'missing/Dockerfile',
      'empty',
      'dangling',
      'nomatch/*/Dockerfile',
      'Dockerfile',
    ]);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('dockerfile-review: missing/Dockerfile: no such file or directory');
    expect(run.stderr).toContain('dockerfile-review: no Dockerfiles under empty');
    expect(run.stderr).toContain('dockerfile-review: dangling: no such file or directory');
    expect(run.stderr).toContain('dockerfile-review: no files match nomatch/*/Dockerfile');
    expect(findingLines(run.stdout)).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it has no permission to read', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    chmodSync(join(cwd, 'Dockerfile'), 0o000);
    const run = await runCli(cwd, ['Dockerfile']);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toMatch(/cannot read Dockerfile: .*EACCES/);
  });

  it('skips ignore-paths, relative to the config file, even for files named on the command line', async () => {
    const cwd = project({
      'legacy/Dockerfile': SHELL_FORM_CMD,
      'app/Dockerfile': SHELL_FORM_CMD,
      '.dockerfile-review.yml': 'ignore-paths:\n  - legacy/**\n',
    });
    const all = await runCli(cwd, []);
    expect(findingLines(all.stdout).map((line) => line.split(':')[0])).toEqual(['app/Dockerfile']);
    const named = await runCli(join(cwd, 'legacy'), ['Dockerfile']);
    expect(named).toMatchObject({ code: EXIT_CLEAN, stdout: 'No findings in 0 files.\n' });
  });
});

describe('standard input', () => {
  it('reads `-` and reports it as <stdin>, or as --stdin-filename', async () => {
    const cwd = project();
    const run = await runCli(cwd, ['-'], { stdin: SHELL_FORM_CMD });
    expect(findingLines(run.stdout)[0]).toMatch(/^<stdin>:2:1 warning exec-form /);
    const named = await runCli(cwd, ['--stdin-filename', 'app/Dockerfile'], { stdin: SHELL_FORM_CMD });
    expect(findingLines(named.stdout)[0]).toMatch(/^app\/Dockerfile:2:1 warning exec-form /);
  });

  it('with --fix prints the fixed text on stdout and the report on stderr', async () => {
    const run = await runCli(project(), ['-', '--fix'], { stdin: SHELL_FORM_CMD });
    expect(run.stdout).toBe(SHELL_FORM_CMD_FIXED);
    expect(run.stderr).toContain('No findings in 1 file.');
    expect(run.code).toBe(EXIT_CLEAN);
  });
});

describe('--fix', () => {
  it('rewrites files with safe fixes, reports what remains, and converges', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD, 'b/Dockerfile': CLEAN });
    const first = await runCli(cwd, ['--fix', '--fail-on', 'warning']);
    expect(readFileSync(join(cwd, 'Dockerfile'), 'utf8')).toBe(SHELL_FORM_CMD_FIXED);
    expect(readFileSync(join(cwd, 'b/Dockerfile'), 'utf8')).toBe(CLEAN);
    expect(first).toMatchObject({ code: EXIT_CLEAN, stdout: 'No findings in 2 files.\n' });
    expect(first.stderr).toBe('Applied 1 fix in 1 file.\n');
    const second = await runCli(cwd, ['--fix']);
    expect(readFileSync(join(cwd, 'Dockerfile'), 'utf8')).toBe(SHELL_FORM_CMD_FIXED);
    expect(second.stderr).toBe('');
  });

  it('leaves unsafe fixes to --unsafe-fixes', async () => {
    // `$HOME` needs a shell: the only fix wraps it in `sh -c "exec ..."`, which may change behaviour.
    const text = 'FROM alpine:3.20\nCMD echo $HOME\n';
    const cwd = project({ Dockerfile: text });
    const safeOnly = await runCli(cwd, ['--fix']);
    expect(readFileSync(join(cwd, 'Dockerfile'), 'utf8')).toBe(text);
    expect(safeOnly.stdout).toContain('1 more with --unsafe-fixes');
    await runCli(cwd, ['--unsafe-fixes']);
    expect(readFileSync(join(cwd, 'Dockerfile'), 'utf8')).toBe(
      'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "exec echo $HOME"]\n',
    );
  });
});

describe('--output, --version, --help', () => {
  it('writes the report to a file instead of stdout, never in colour', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    const run = await runCli(cwd, ['--output', 'report.txt'], { tty: true });
    expect(run.stdout).toBe('');
    const report = readFileSync(join(cwd, 'report.txt'), 'utf8');
    expect(report).toMatch(/^Dockerfile:2:1 warning exec-form /);
    expect(report).not.toContain('\u001b[');
  });

  it('fails with 2 when the report cannot be written', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    const run = await runCli(cwd, ['--output', 'no/such/dir/report.json']);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('cannot write the report to no/such/dir/report.json');
  });

  it('prints the version from package.json and the usage', async () => {
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await runCli(project(), ['--version'])).toEqual({
      code: 0,
      stdout: `dockerfile-review ${packageJson.version}\n`,
      stderr: '',
    });
    const help = await runCli(project(), ['-h']);
    expect(help).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    for (const option of [
      '--format',
      '--output',
      '--fix',
      '--unsafe-fixes',
      '--fail-on',
      '--config',
      '--no-color',
    ])
      expect(USAGE).toContain(option);
  });
});
