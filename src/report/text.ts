/**
 * The CLI's default output: one finding per line, `path:line:col severity rule message`, so editors, `grep` and
 * problem matchers can read it, then one count line. Colour is decided by the caller (a TTY without NO_COLOR)
 * and never changes the characters a matcher sees once the escape codes are stripped.
 */
import type { Finding, Severity } from '../engine/types.js';

export interface TextFile {
  readonly path: string;
  readonly findings: readonly Finding[];
}

export interface TextOptions {
  readonly color?: boolean;
}

const SGR = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue };

export function textReport(files: readonly TextFile[], options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${SGR.reset}` : text);
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) {
      lines.push(
        [
          paint(SGR.bold, `${file.path}:${finding.line}:${finding.column}`),
          paint(SEVERITY_COLOR[finding.severity], finding.severity),
          paint(SGR.dim, finding.ruleId),
          // One finding, one line: a message never breaks the line-oriented format.
          oneLine(finding.message),
        ].join(' '),
      );
    }
  }
  const summary = summaryLine(files);
  lines.push(
    paint(summary.total === 0 ? SGR.green : SEVERITY_COLOR[summary.worst ?? 'info'], summary.text) +
      summary.hint,
  );
  return `${lines.join('\n')}\n`;
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly total: number;
}

export function countFindings(files: readonly TextFile[]): Counts {
  const counts = { error: 0, warning: 0, info: 0, total: 0 };
  for (const file of files)
    for (const finding of file.findings) {
      counts[finding.severity]++;
      counts.total++;
    }
  return counts;
}

/** `2 errors, 1 warning` style phrases, most severe first, zero counts left out. */
export function describeCounts(counts: Counts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summaryLine(files: readonly TextFile[]): {
  text: string;
  hint: string;
  total: number;
  worst?: Severity;
} {
  const counts = countFindings(files);
  const scope = plural(files.length, 'file');
  if (counts.total === 0) return { text: `No findings in ${scope}.`, hint: '', total: 0 };
  const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  const safe = files.reduce(
    (sum, file) => sum + file.findings.filter((f) => f.fix?.safety === 'safe').length,
    0,
  );
  const unsafe = files.reduce(
    (sum, file) => sum + file.findings.filter((f) => f.fix?.safety === 'unsafe').length,
    0,
  );
  const hints: string[] = [];
  if (safe) hints.push(`${safe} fixable with --fix`);
  if (unsafe) hints.push(`${unsafe} more with --unsafe-fixes`);
  return {
    text: `${plural(counts.total, 'finding')} (${describeCounts(counts)}) in ${scope}.`,
    hint: hints.length ? ` ${hints.join(', ')}.` : '',
    total: counts.total,
    worst,
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
