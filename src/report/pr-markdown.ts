/**
 * The Markdown a pull request shows: inline review comment bodies and the one summary (sticky comment, job
 * summary, check run summary). Pure string building; every piece of Dockerfile text goes through the
 * escaping of markdown.ts, so PR content cannot mention people, inject HTML or close our markers.
 */
import { docsUrl, type Severity } from '../engine/types.js';
import type { Delivery, PlacedFinding, ReviewedFile } from '../review-model.js';
import { TOOL_NAME, TOOL_VERSION } from './json.js';
import { codeBlock, codeSpan, escapeMarkdown, inlineMarkdown, runtimeMarkdown } from './markdown.js';
import { plural } from './text.js';

const SEVERITY_BADGE: Record<Severity, string> = {
  error: '❌ **error**',
  warning: '⚠️ **warning**',
  info: 'ℹ️ **info**',
};

/**
 * Review comment: severity and rule, the explanation, the one-click fix when safe, and the fingerprint marker.
 * A file-level comment (no line of the diff holds the finding) names the line instead of offering a suggestion.
 */
export function inlineCommentBody(
  placed: PlacedFinding,
  suggestion: string | undefined,
  options: { readonly fileLevel?: boolean } = {},
): string {
  const { finding } = placed;
  const refs = [
    ...(finding.refs.hadolint ?? []).map((code) => `hadolint ${code}`),
    ...(finding.refs.buildkit ?? []).map((name) => `BuildKit ${name}`),
  ];
  const parts = [
    `${SEVERITY_BADGE[finding.severity]} · [${codeSpan(finding.ruleId)}](<${docsUrl(finding.ruleId)}>)${refs.length ? ` · ${escapeMarkdown(refs.join(', '))}` : ''}`,
    options.fileLevel
      ? `**Line ${finding.line}${finding.endLine > finding.line ? `-${finding.endLine}` : ''}:** ${inlineMarkdown(finding.message)}`
      : inlineMarkdown(finding.message),
  ];
  if (suggestion !== undefined && finding.fix) {
    // Fix titles are written like messages: backticks mark code.
    parts.push(`${inlineMarkdown(finding.fix.title)}:\n\n${codeBlock(suggestion, 'suggestion')}`);
  } else if (finding.fix) {
    const label =
      finding.fix.safety === 'unsafe' ? 'Possible fix (it may change behaviour: check before using)' : 'Fix';
    parts.push(
      `${label}: ${inlineMarkdown(finding.fix.title)}, or run ${codeSpan(`dockerfile-review --fix${finding.fix.safety === 'unsafe' ? ' --unsafe-fixes' : ''}`)}.`,
    );
  }
  parts.push(
    `<sub>Silence it with ${codeSpan(`# dockerfile-review ignore=${finding.ruleId}`)} above the instruction.</sub>`,
  );
  return `${parts.join('\n\n')}\n${fingerprintMarkerFor(placed.fingerprint)}`;
}

function fingerprintMarkerFor(fingerprint: string): string {
  return `<!-- dockerfile-review:fp=${fingerprint} -->`;
}

const FINGERPRINT_MARKER = /\n<!-- dockerfile-review:fp=([0-9a-f]{8,64}) -->\s*$/;

/** The fingerprint of a comment body we wrote; anchored at the end so quoted text cannot forge one. */
export function fingerprintOf(body: string): string | null {
  return FINGERPRINT_MARKER.exec(body)?.[1] ?? null;
}

/** The review's own body: one line, so the notification says what happened and where the rest is. */
export function reviewBody(counts: { readonly inline: number; readonly elsewhere: number }): string {
  const { inline, elsewhere } = counts;
  const rest =
    elsewhere > 0
      ? ` ${elsewhere} more finding${elsewhere === 1 ? ' is' : 's are'} listed in the summary comment.`
      : ' The summary comment lists every finding.';
  return `**${TOOL_NAME}** commented on ${plural(inline, 'new finding')} in the changed Dockerfiles.${rest}`;
}

const DELIVERY_TEXT: Record<Delivery, string> = {
  inline: '💬 commented',
  'already-posted': '💬 commented earlier',
  'outside-filter': 'not on a changed line',
  'over-limit': 'over `max-comments`',
  'not-commentable': 'not in the diff',
  rejected: 'GitHub refused the comment',
  'not-posted': '—',
};

export interface SummaryInput {
  readonly files: readonly ReviewedFile[];
  readonly findings: readonly PlacedFinding[];
  readonly problems: readonly string[];
  readonly conclusion: { readonly failed: boolean; readonly failOn: string };
  /** Short head commit, shown in the footer. */
  readonly commit?: string;
  /** Show the "on the PR" column (pull request runs). */
  readonly withDelivery: boolean;
}

/**
 * The summary, fitted under `maxLength` characters: whole file sections are kept while they fit, then the
 * rest is counted in a closing note that points to the places holding everything (job summary, SARIF).
 */
export function summaryMarkdown(input: SummaryInput, maxLength: number): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const placed of input.findings) counts[placed.finding.severity]++;
  const total = input.findings.length;
  const head: string[] = [`## ${TOOL_NAME}`];
  const verdict = input.conclusion.failed ? '❌ **failing**' : '✅ **passing**';
  head.push(
    `${verdict} (fail-on: ${codeSpan(input.conclusion.failOn)}) · ${total === 0 ? 'no findings' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`} in ${plural(input.files.length, 'Dockerfile')}.`,
  );
  if (input.problems.length > 0) {
    head.push(
      `### ⚠️ What could not be done\n\n${input.problems.map((problem) => `- ${inlineMarkdown(problem)}`).join('\n')}`,
    );
  }
  const footer = `<sub>${TOOL_NAME} ${TOOL_VERSION}${input.commit ? ` · commit ${codeSpan(input.commit)}` : ''} · rules: ${codeSpan('docs/rules')}</sub>`;

  const sections = input.files.map((file) =>
    fileSection(
      file,
      input.findings.filter((placed) => placed.path === file.path),
      input.withDelivery,
    ),
  );
  let body = head.join('\n\n');
  let omittedFiles = 0;
  let omittedFindings = 0;
  for (const [index, section] of sections.entries()) {
    const note = truncationNote(sections.length - index, 0);
    if (body.length + section.text.length + footer.length + note.length + 8 > maxLength) {
      omittedFiles = sections.length - index;
      omittedFindings = sections.slice(index).reduce((sum, rest) => sum + rest.findingCount, 0);
      break;
    }
    body += `\n\n${section.text}`;
  }
  if (omittedFiles > 0) body += `\n\n${truncationNote(omittedFiles, omittedFindings)}`;
  return `${body}\n\n${footer}`;
}

function truncationNote(files: number, findings: number): string {
  return `> **${plural(files, 'more file')} (${plural(findings, 'finding')}) not shown** to stay within GitHub's size limit: the job summary, the check run and the SARIF/JSON output list everything.`;
}

function fileSection(
  file: ReviewedFile,
  findings: readonly PlacedFinding[],
  withDelivery: boolean,
): { text: string; findingCount: number } {
  const lines: string[] = [`### ${codeSpan(file.path)}`];
  if (!file.result) {
    lines.push(`Skipped: ${inlineMarkdown(file.skipped ?? 'not linted')}`);
    return { text: lines.join('\n\n'), findingCount: 0 };
  }
  if (findings.length === 0) lines.push('No findings.');
  else {
    const header = withDelivery
      ? '| Line | Severity | Rule | Message | On the PR |\n| ---: | --- | --- | --- | --- |'
      : '| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |';
    const rows = [...findings]
      .sort((a, b) => a.finding.line - b.finding.line || a.finding.ruleId.localeCompare(b.finding.ruleId))
      .map((placed) => {
        const { finding } = placed;
        const cells = [
          String(finding.line),
          SEVERITY_BADGE[finding.severity].replaceAll('**', ''),
          `[${codeSpan(finding.ruleId, { inTable: true })}](<${docsUrl(finding.ruleId)}>)`,
          inlineMarkdown(finding.message, { inTable: true }),
        ];
        if (withDelivery)
          cells.push(
            inlineMarkdown(
              placed.reason
                ? `${DELIVERY_TEXT[placed.delivery]}: ${placed.reason}`
                : DELIVERY_TEXT[placed.delivery],
              { inTable: true },
            ),
          );
        return `| ${cells.join(' | ')} |`;
      });
    lines.push(`${header}\n${rows.join('\n')}`);
  }
  const final = file.result.runtimes.at(-1);
  if (final) lines.push(runtimeMarkdown(final));
  return { text: lines.join('\n\n'), findingCount: findings.length };
}
