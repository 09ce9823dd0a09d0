/**
 * Pure Markdown building for GitHub: the CLI's `--format markdown`, the PR summary comment and the job summary.
 *
 * Everything from a Dockerfile is untrusted text that lands in a comment other people read and get notified by.
 * So quoted text goes through `escapeMarkdown` (no mentions, issue links, HTML, comments or expressions survive)
 * or `codeSpan` / `codeBlock` (a fence longer than any backtick run inside, so the text cannot close it).
 */
import { rootStage } from '../engine/model.js';
import type { StageRuntime } from '../engine/runtime.js';
import { docsUrl, type Severity } from '../engine/types.js';
import { stageLabel, TOOL_NAME } from './json.js';
import { countFindings, describeCounts, plural, type TextFile } from './text.js';

/** GitHub turns `@name` (and `@org/team`) into a notifying mention; a zero-width joiner after `@` stops it. */
const MENTION_BREAK = '\u200D';

/**
 * Text safe to put inline anywhere in GitHub Markdown, table cells included, showing the same characters:
 * - `&`, `<`, `>` become entities: no HTML (`<img src=x>`), no `<!-- -->` hiding the rest of the comment;
 * - `@` gets a zero-width joiner: `@org/team` notifies nobody; `#12` likewise links no issue (no backlink noise);
 * - `${{` loses its `$` to an entity, so the raw body never holds an Actions expression;
 * - Markdown punctuation is backslash-escaped (`|` included, for tables); line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  const escaped = oneLine(text).replace(/[\\`*_[\]{}()#|~&<>@$]/g, (char, offset: number, whole: string) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '@':
        return `@${MENTION_BREAK}`;
      case '#':
        return /\d/.test(whole[offset + 1] ?? '') ? `\\#${MENTION_BREAK}` : '\\#';
      case '$':
        return whole[offset + 1] === '{' ? '&#x24;' : '$';
      default:
        return `\\${char}`;
    }
  });
  // At the start of a line these open a list or a heading underline; elsewhere they are plain characters.
  return escaped.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}

export interface CodeSpanOptions {
  /** Inside a GFM table cell, where `|` ends the cell even in a code span unless written `\|`. */
  readonly inTable?: boolean;
}

/** An inline code span showing `text` exactly (line breaks as spaces), whatever backticks it holds. */
export function codeSpan(text: string, options: CodeSpanOptions = {}): string {
  let content = oneLine(text);
  if (options.inTable) content = content.replaceAll('|', '\\|');
  if (content === '') return '` `';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  // CommonMark strips one space from each side when both are there, and a backtick at either end would
  // merge with the fence: padding with one space on each side keeps the text as it is.
  const pad =
    content.startsWith('`') || content.endsWith('`') || (/^ .* $/s.test(content) && content.trim() !== '');
  return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/** A fenced code block that `text` cannot close; `lang` is kept only when it is a plain language name. */
export function codeBlock(text: string, lang = ''): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const info = /^[\w+#.-]*$/.test(lang) ? lang : '';
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * A rule message (plain text in which backticks mark code, as rules write them) as Markdown: the code parts
 * become code spans, the rest is escaped. Dockerfile text quoted inside a message cannot break out either way.
 */
export function inlineMarkdown(message: string, options: CodeSpanOptions = {}): string {
  const runs = [...message.matchAll(/`+/g)];
  let out = '';
  let cursor = 0;
  for (let index = 0; index < runs.length; index++) {
    const open = runs[index];
    const closeIndex = runs.findIndex((run, later) => later > index && run[0].length === open[0].length);
    if (closeIndex === -1) continue; // an unmatched run stays literal text, escaped below
    const close = runs[closeIndex];
    out += escapeMarkdown(message.slice(cursor, open.index));
    out += codeSpan(message.slice(open.index + open[0].length, close.index), options);
    cursor = close.index + close[0].length;
    index = closeIndex;
  }
  return out + escapeMarkdown(message.slice(cursor));
}

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '❌ error',
  warning: '⚠️ warning',
  info: 'ℹ️ info',
};

/** What `markdownReport` needs of a linted file (a `ReportedFile` has it). */
export interface MarkdownFile extends TextFile {
  /** Null or absent when the file was not parsed: no runtime section then. */
  readonly runtimes?: readonly StageRuntime[] | null;
}

export interface MarkdownOptions {
  /** The report's heading; default the tool's name. */
  readonly title?: string;
  /** Level of the report's heading (file headings are one deeper); default 2. */
  readonly headingLevel?: number;
  /** A URL for a file's line (the PR's blob view), or null to show the number without a link. */
  readonly lineLink?: (path: string, line: number) => string | null;
}

export function markdownReport(files: readonly MarkdownFile[], options: MarkdownOptions = {}): string {
  const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5);
  const blocks: string[] = [`${'#'.repeat(level)} ${escapeMarkdown(options.title ?? TOOL_NAME)}`];
  const counts = countFindings(files);
  blocks.push(
    counts.total === 0
      ? `No findings in ${plural(files.length, 'file')}.`
      : `**${plural(counts.total, 'finding')}** (${describeCounts(counts)}) in ${plural(files.length, 'file')}.`,
  );
  for (const file of files) {
    blocks.push(`${'#'.repeat(level + 1)} ${codeSpan(file.path)}`);
    blocks.push(file.findings.length === 0 ? 'No findings.' : findingsTable(file, options));
    const final = file.runtimes?.at(-1);
    if (final) blocks.push(runtimeMarkdown(final));
  }
  return `${blocks.join('\n\n')}\n`;
}

function findingsTable(file: TextFile, options: MarkdownOptions): string {
  const rows = ['| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |'];
  for (const finding of file.findings) {
    const link = options.lineLink?.(file.path, finding.line) ?? null;
    const line = link ? `[${finding.line}](${linkTarget(link)})` : String(finding.line);
    const rule = `[${codeSpan(finding.ruleId, { inTable: true })}](${linkTarget(docsUrl(finding.ruleId))})`;
    rows.push(
      `| ${line} | ${SEVERITY_LABEL[finding.severity]} | ${rule} | ${inlineMarkdown(finding.message, { inTable: true })} |`,
    );
  }
  return rows.join('\n');
}

/**
 * "What `docker run IMAGE` runs" for a stage, from the engine's effective runtime command: the argv, where it
 * comes from, what arguments do, and what the base image (invisible to us) may add.
 */
export function runtimeMarkdown(runtime: StageRuntime): string {
  const stage = runtime.stage;
  const base = rootStage(stage).base;
  const where = `final stage ${codeSpan(stageLabel(stage))}`;
  const shellEntrypoint = runtime.entrypoint !== null && runtime.entrypoint.command.form.kind !== 'exec';
  const lines: string[] = [];

  if (runtime.run === null) {
    lines.push(
      runtime.baseDecides
        ? `**What \`docker run IMAGE\` runs** (${where}): the base image's default command: this file sets no ENTRYPOINT or CMD, so ${codeSpan(base)} decides (not visible here).`
        : `**What \`docker run IMAGE\` runs** (${where}): nothing: the image has no ENTRYPOINT or CMD, so \`docker run IMAGE\` fails with "no command specified".`,
    );
    lines.push(
      runtime.baseDecides
        ? `**\`docker run IMAGE ARGS\`**: ARGS replace the base image's CMD (its ENTRYPOINT, if it has one, still runs first).`
        : `**\`docker run IMAGE ARGS\`**: ARGS alone, as the command: its first word must be a program in the image.`,
    );
    return lines.join('<br>\n');
  }

  lines.push(
    `**What \`docker run IMAGE\` runs** (${where}): ${argvMarkdown(runtime.run, false)}${origin(runtime)}`,
  );
  if (shellEntrypoint) {
    lines.push(
      '**`docker run IMAGE ARGS`**: the same: a shell-form ENTRYPOINT ignores CMD and the arguments.',
    );
  } else if (runtime.runWithArgs) {
    lines.push(`**\`docker run IMAGE ARGS\`**: ${argvMarkdown(runtime.runWithArgs, true)}`);
  }
  if (runtime.baseEntrypointMayApply) {
    lines.push(
      `If the base image ${codeSpan(base)} sets an ENTRYPOINT, it runs first, with these words as its arguments.`,
    );
  }
  return lines.join('<br>\n');
}

/** `["python", "app.py", ARGS]`: JSON strings, and the user's arguments as a bare placeholder word. */
function argvMarkdown(argv: readonly string[], lastIsPlaceholder: boolean): string {
  const words = argv.map((word, index) =>
    lastIsPlaceholder && index === argv.length - 1 ? word : JSON.stringify(word),
  );
  return codeSpan(`[${words.join(', ')}]`);
}

function origin(runtime: StageRuntime): string {
  const notes: string[] = [];
  if (runtime.entrypoint?.inheritedFrom)
    notes.push(`ENTRYPOINT from stage ${codeSpan(stageLabel(runtime.entrypoint.inheritedFrom))}`);
  if (runtime.cmd?.inheritedFrom)
    notes.push(`CMD from stage ${codeSpan(stageLabel(runtime.cmd.inheritedFrom))}`);
  return notes.length ? ` (${notes.join(', ')})` : '';
}

/** A link destination in angle brackets, so spaces and parentheses in it cannot end the link early. */
function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
