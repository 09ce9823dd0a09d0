/**
 * Hostile files through the whole CLI (`main()` in-process, every format): a binary file named Dockerfile, a
 * 50 MB file, symbolic links (good and dangling), a path with spaces, quotes and Unicode, an empty file and an
 * unterminated heredoc. Each gets a clear finding or a clear line saying why it was skipped, the other files
 * are still linted, and nothing crashes the run.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { CLEAN, project, runCli } from '../cli/run-cli.js';

const ODD_DIR = `dir with space/it's "quoted" – ünï/日本`;

function hostileProject(): string {
  const root = project({
    'binary/Dockerfile': '',
    'empty/Dockerfile': '',
    'heredoc/Dockerfile': 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n',
    [`${ODD_DIR}/Dockerfile`]: 'FROM alpine:3.20\nCMD run it\n',
    'clean/Dockerfile': CLEAN,
  });
  // Bytes no editor writes: NULs, invalid UTF-8, control characters.
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  writeFileSync(join(root, 'binary', 'Dockerfile'), bytes);
  return root;
}

describe('hostile files through the CLI', () => {
  it('each gets a finding, the others are linted, and the run completes', async () => {
    const root = hostileProject();
    const run = await runCli(root, ['--format', 'json']);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBe(1); // errors among the findings, no usage problem
    const report = JSON.parse(run.stdout) as JsonReport;
    const byPath = new Map(report.files.map((file) => [file.path, file]));
    const rules = (path: string) => byPath.get(path)?.findings.map((finding) => finding.ruleId) ?? [];

    expect(byPath.get('binary/Dockerfile')?.findings[0]?.message).toMatch(/binary data/);
    expect(rules('empty/Dockerfile')).toContain('syntax-error');
    expect(byPath.get('empty/Dockerfile')?.findings.find((f) => f.ruleId === 'syntax-error')?.line).toBe(1);
    expect(
      byPath.get('heredoc/Dockerfile')?.findings.some((finding) => /never closed/.test(finding.message)),
    ).toBe(true);
    expect(rules(`${ODD_DIR}/Dockerfile`)).toContain('exec-form');
    expect(rules('clean/Dockerfile')).toEqual([]);
    for (const file of report.files)
      for (const finding of file.findings) expect(finding.ruleId).not.toBe('internal-error');
  });

  it('a 50 MB Dockerfile is reported as too large, not parsed, in well under the time a parse would take', async () => {
    const root = project({ Dockerfile: '' });
    const line = 'RUN echo 0123456789012345678901234567890123456789012345678901234567890123456789\n';
    writeFileSync(
      join(root, 'Dockerfile'),
      `FROM alpine\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`,
    );
    const started = performance.now();
    const run = await runCli(root, ['--format', 'json', '--fix', 'Dockerfile']);
    expect(performance.now() - started).toBeLessThan(20_000);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files[0].findings.map((finding) => finding.ruleId)).toEqual(['file-too-large']);
    expect(report.files[0].findings[0].message).toMatch(
      /52,\d{3},\d{3} bytes, over the 1,048,576-byte limit/,
    );
  });

  it('follows a symbolic link to a Dockerfile, and names a dangling one as a file it cannot read', async () => {
    const root = project({ 'real/Dockerfile': 'FROM alpine:3.20\nCMD run it\n' });
    symlinkSync(join(root, 'real', 'Dockerfile'), join(root, 'Dockerfile'));
    symlinkSync(join(root, 'nowhere'), join(root, 'Dockerfile.dangling'));
    const linked = await runCli(root, ['--format', 'json', 'Dockerfile']);
    expect((JSON.parse(linked.stdout) as JsonReport).files[0].findings.map((f) => f.ruleId)).toContain(
      'exec-form',
    );

    const dangling = await runCli(root, ['Dockerfile.dangling']);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toMatch(/Dockerfile\.dangling/);
    expect(dangling.stderr).not.toMatch(/internal error/i);
    // Walking the folder: the dangling link is not a Dockerfile to lint, and the rest still is.
    const walked = await runCli(root, ['--format', 'json']);
    expect(walked.stderr).not.toMatch(/internal error/i);
    const paths = (JSON.parse(walked.stdout) as JsonReport).files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['Dockerfile', 'real/Dockerfile']));
  });

  it('a path with spaces, quotes and Unicode survives every format', async () => {
    const root = project({ [`${ODD_DIR}/Dockerfile`]: 'FROM alpine:3.20\nCMD run it\n' });
    const path = `${ODD_DIR}/Dockerfile`;
    const json = JSON.parse((await runCli(root, ['--format', 'json'])).stdout) as JsonReport;
    expect(json.files[0].path).toBe(path);
    const text = (await runCli(root, [])).stdout;
    expect(text).toContain(path);
    const sarif = JSON.parse((await runCli(root, ['--format', 'sarif'])).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    // RFC 3986 allows `'` in a path; blanks, double quotes and non-ASCII must be percent-encoded.
    expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/);
    expect(decodeURIComponent(uri)).toBe(path);
    const markdown = (await runCli(root, ['--format', 'markdown'])).stdout;
    expect(markdown).toContain(path);
  });

  it('standard input with binary data and an empty standard input are findings, not crashes', async () => {
    const root = project();
    const binary = await runCli(root, ['--format', 'json', '-'], { stdin: 'FROM a\u0000\u0001\u0002' });
    expect((JSON.parse(binary.stdout) as JsonReport).files[0].findings[0].message).toMatch(/binary data/);
    const empty = await runCli(root, ['--format', 'json', '-'], { stdin: '' });
    expect((JSON.parse(empty.stdout) as JsonReport).files[0].findings[0].ruleId).toBe('syntax-error');
  });
});
