/**
 * `npm run demo`: the whole pull-request flow on this machine, no GitHub repository needed.
 *
 * 1. Starts the GitHub API stand-in (__tests__/support/github-standin) with a sample pull request built from
 *    `__tests__/fixtures/demo-pr/{base,head}`: a few realistic Dockerfiles with the classic ENTRYPOINT, CMD
 *    and ARG mistakes.
 * 2. Runs the bundled action, `dist/index.js`, as the Actions runner does: a child process with the event
 *    payload file, the `GITHUB_*` variables and one `INPUT_*` variable per input of action.yml.
 * 3. Shows what the pull request now looks like: each changed file's diff with the inline comments under the
 *    line they anchor to (suggestions as `-`/`+` lines), the summary comment, the check run and the number of
 *    API requests; and writes the same as one self-contained page, `demo-output/pull-request.html`.
 *
 * `runDemo` is the core, also run by __tests__/e2e/demo.test.ts; `main` adds the terminal output.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type DiffEntry,
  type PullRequestFixture,
  type ReviewCommentRecord,
  type StandIn,
  startStandIn,
} from '../__tests__/support/github-standin/index.js';
import { type RunnerResult, runLikeTheRunner } from './actions-runner.js';

/** Not a real token: the stand-in accepts it, GitHub would not. */
const DEMO_TOKEN = 'ghs_dockerfileReviewDemoToken';

// ------------------------------------------------------------------------------------------------ setup

/** The repository root: the folder whose package.json is this project's (from scripts/ or lib/scripts/). */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'action.yml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

export function demoFixture(root: string): PullRequestFixture {
  const dir = join(root, '__tests__', 'fixtures', 'demo-pr');
  return {
    owner: 'acme',
    repo: 'shop',
    number: 42,
    title: 'Containerize the report tool, serve web on port 3000',
    body: 'Adds a Dockerfile for the nightly report tool and moves the web front end to port 3000.',
    author: 'octocat',
    base: readTree(join(dir, 'base')),
    head: readTree(join(dir, 'head')),
  };
}

// ------------------------------------------------------------------------------------------------ the run

export interface ActionRun extends RunnerResult {
  /** The `json-file` output's content (the JSON contract), read before the runner's temp folder goes. */
  readonly json: string | null;
}

/** Runs `dist/index.js` as the runner would for a `pull_request` event on the stand-in's PR. */
export async function runBundledAction(root: string, standIn: StandIn): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-review-demo-'));
  try {
    const run = await runLikeTheRunner({
      root,
      dir,
      event: 'pull_request',
      payload: standIn.eventPayload('opened'),
      repository: 'acme/shop',
      // The test merge commit, as on GitHub: the action must use the PR head instead.
      sha: 'feedc0de'.repeat(5),
      ref: 'refs/pull/42/merge',
      token: standIn.token,
      apiUrl: standIn.url,
      graphqlUrl: standIn.graphqlUrl,
    });
    const jsonFile = run.outputs['json-file'];
    return { ...run, json: jsonFile && existsSync(jsonFile) ? readFileSync(jsonFile, 'utf8') : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ the view

type RowKind = 'hunk' | 'add' | 'del' | 'ctx' | 'note';

interface DiffRow {
  readonly kind: RowKind;
  readonly oldNo?: number;
  readonly newNo?: number;
  readonly text: string;
}

interface CommentView {
  readonly author: string;
  readonly body: string;
  readonly line: number | null;
  readonly startLine: number | null;
  /** The head's text of the commented lines: what a ```suggestion block replaces. */
  readonly original: readonly string[];
  readonly replies: readonly { author: string; body: string }[];
}

interface FileView {
  readonly path: string;
  readonly status: string;
  readonly additions: number;
  readonly deletions: number;
  readonly reviewed: boolean;
  readonly rows: readonly DiffRow[];
  /** Line comments by the new-file line they anchor to. */
  readonly threads: ReadonlyMap<number, readonly CommentView[]>;
  readonly fileComments: readonly CommentView[];
}

export interface PullRequestView {
  readonly title: string;
  readonly number: number;
  readonly repository: string;
  readonly headSha: string;
  readonly baseRef: string;
  readonly headRef: string;
  readonly author: string;
  readonly exitCode: number;
  readonly reviewBodies: readonly string[];
  readonly files: readonly FileView[];
  readonly summaryComment: string | null;
  readonly checkRun: { name: string; status: string; conclusion: string | null; annotations: number } | null;
  readonly requests: {
    readonly total: number;
    readonly writes: number;
    readonly byOperation: [string, number][];
  };
}

function diffRows(patch: string | undefined): DiffRow[] {
  if (patch === undefined)
    return [{ kind: 'note', text: 'GitHub did not send a diff for this file (too large).' }];
  const rows: DiffRow[] = [];
  let oldNo = 0;
  let newNo = 0;
  for (const line of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      oldNo = Number(header[1]);
      newNo = Number(header[2]);
      rows.push({ kind: 'hunk', text: line });
    } else if (line.startsWith('+')) rows.push({ kind: 'add', newNo: newNo++, text: line.slice(1) });
    else if (line.startsWith('-')) rows.push({ kind: 'del', oldNo: oldNo++, text: line.slice(1) });
    else if (line.startsWith('\\')) rows.push({ kind: 'note', text: line.slice(2) });
    else rows.push({ kind: 'ctx', oldNo: oldNo++, newNo: newNo++, text: line.slice(1) });
  }
  return rows;
}

export function pullRequestView(
  standIn: StandIn,
  fixture: PullRequestFixture,
  run: ActionRun,
): PullRequestView {
  const head = fixture.head;
  const { state } = standIn;
  // The files the action linted, from its JSON result; none when the run failed before writing it.
  const linted = run.json
    ? (JSON.parse(run.json) as { files: { path: string }[] }).files.map((file) => file.path)
    : [];
  const roots = state.reviewComments.filter((comment) => comment.in_reply_to_id === null);
  const view = (comment: ReviewCommentRecord): CommentView => {
    const lines = (head[comment.path] ?? '').split('\n');
    const first = comment.start_line ?? comment.line;
    return {
      author: comment.user.login,
      body: comment.body,
      line: comment.line,
      startLine: comment.start_line,
      original: comment.line !== null && first !== null ? lines.slice(first - 1, comment.line) : [],
      replies: state.reviewComments
        .filter((reply) => reply.in_reply_to_id === comment.id)
        .map((reply) => ({ author: reply.user.login, body: reply.body })),
    };
  };
  const files = standIn.files().map((entry: DiffEntry): FileView => {
    const threads = new Map<number, CommentView[]>();
    const fileComments: CommentView[] = [];
    for (const comment of roots.filter((candidate) => candidate.path === entry.filename)) {
      if (comment.subject_type === 'file' || comment.line === null) fileComments.push(view(comment));
      else threads.set(comment.line, [...(threads.get(comment.line) ?? []), view(comment)]);
    }
    return {
      path: entry.filename,
      status: entry.status,
      additions: entry.additions,
      deletions: entry.deletions,
      reviewed: linted.includes(entry.filename),
      rows: diffRows(entry.patch),
      threads,
      fileComments,
    };
  });
  const byOperation = new Map<string, number>();
  for (const request of state.requests) {
    const name = `${request.method} ${request.operationId ?? request.path}`;
    byOperation.set(name, (byOperation.get(name) ?? 0) + 1);
  }
  const checkRun = state.checkRuns.at(-1);
  const pull = standIn.eventPayload().pull_request as { head: { ref: string }; base: { ref: string } };
  return {
    title: fixture.title ?? '',
    number: fixture.number,
    repository: `${fixture.owner}/${fixture.repo}`,
    headSha: standIn.headSha,
    baseRef: pull.base.ref,
    headRef: pull.head.ref,
    author: fixture.author ?? 'octocat',
    exitCode: run.code,
    reviewBodies: state.reviews.map((review) => review.body),
    files,
    summaryComment: state.issueComments.at(-1)?.body ?? null,
    checkRun: checkRun
      ? {
          name: checkRun.name,
          status: checkRun.status,
          conclusion: checkRun.conclusion,
          annotations: checkRun.annotations.length,
        }
      : null,
    requests: {
      total: state.requests.length,
      writes: state.requests.filter((request) => request.method !== 'GET').length,
      byOperation: [...byOperation.entries()],
    },
  };
}

// ------------------------------------------------------------------------------------------------ Markdown

/**
 * Just enough of GitHub's Markdown for what the action writes: headings, paragraphs, tables, lists, quotes,
 * fenced blocks (```suggestion), code spans, bold, links, `<sub>`, `<br>`, entities and backslash escapes.
 * Every other `<` is text: the comments quote Dockerfile text, which must never become markup here.
 */
type Inline =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'code'; readonly v: string }
  | { readonly t: 'strong' | 'br' | 'sub-open' | 'sub-close' }
  | { readonly t: 'link'; readonly href: string; readonly c: readonly Inline[] };

type Block =
  | { readonly t: 'heading'; readonly level: number; readonly c: readonly Inline[] }
  | { readonly t: 'para'; readonly c: readonly Inline[] }
  | { readonly t: 'quote'; readonly c: readonly Inline[] }
  | { readonly t: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly t: 'code'; readonly lang: string; readonly text: string }
  | {
      readonly t: 'table';
      readonly header: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly Inline[])[][];
    };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X'))
    return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

function closingBackticks(src: string, from: number, run: number): number {
  for (let i = from; i < src.length; ) {
    if (src[i] !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (src[end] === '`') end++;
    if (end - i === run) return i;
    i = end;
  }
  return -1;
}

function parseLink(src: string, start: number): { text: string; href: string; end: number } | undefined {
  let depth = 0;
  let i = start;
  for (; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '`') {
      let run = 0;
      while (src[i + run] === '`') run++;
      const close = closingBackticks(src, i + run, run);
      if (close === -1) return undefined;
      i = close + run - 1;
    } else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) break;
  }
  if (src[i] !== ']' || src[i + 1] !== '(') return undefined;
  const text = src.slice(start + 1, i);
  let j = i + 2;
  let href: string;
  if (src[j] === '<') {
    const close = src.indexOf('>', j);
    if (close === -1) return undefined;
    href = src.slice(j + 1, close);
    j = close + 1;
  } else {
    const match = /^[^\s)]*/.exec(src.slice(j))?.[0] ?? '';
    href = match;
    j += match.length;
  }
  if (src[j] !== ')') return undefined;
  return { text, href, end: j + 1 };
}

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ t: 'text', v: buf });
    buf = '';
  };
  for (let i = 0; i < src.length; ) {
    const ch = src[i];
    const rest = src.slice(i);
    if (ch === '`') {
      let run = 0;
      while (src[i + run] === '`') run++;
      const close = closingBackticks(src, i + run, run);
      if (close === -1) {
        buf += '`'.repeat(run);
        i += run;
        continue;
      }
      flush();
      let content = src.slice(i + run, close).replace(/\n/g, ' ');
      if (/^ .* $/.test(content) && content.trim() !== '') content = content.slice(1, -1);
      out.push({ t: 'code', v: content });
      i = close + run;
    } else if (ch === '\\' && /^[!-/:-@[-`{-~]$/.test(src[i + 1] ?? '')) {
      buf += src[i + 1];
      i += 2;
    } else if (rest.startsWith('**')) {
      flush();
      out.push({ t: 'strong' });
      i += 2;
    } else if (rest.startsWith('<!--')) {
      const end = src.indexOf('-->', i);
      i = end === -1 ? src.length : end + 3;
    } else if (/^<\/?(sub|br)\s*\/?>/i.test(rest)) {
      const tag = /^<(\/?)(sub|br)\s*\/?>/i.exec(rest) ?? ['', '', ''];
      flush();
      out.push({ t: tag[2].toLowerCase() === 'br' ? 'br' : tag[1] ? 'sub-close' : 'sub-open' });
      i += tag[0].length;
    } else if (ch === '&' && /^&(\w+|#\d+|#x[0-9a-f]+);/i.test(rest)) {
      const entity = /^&(\w+|#\d+|#x[0-9a-f]+);/i.exec(rest) ?? ['', ''];
      buf += decodeEntity(entity[1]);
      i += entity[0].length;
    } else if (ch === '[' && parseLink(src, i)) {
      const link = parseLink(src, i);
      if (!link) continue;
      flush();
      out.push({ t: 'link', href: link.href, c: parseInline(link.text) });
      i = link.end;
    } else {
      buf += ch === '\n' ? ' ' : ch;
      i++;
    }
  }
  flush();
  return out;
}

function tableCells(line: string): Inline[][] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  // GFM unescapes `\|` before reading the cell, code spans included.
  return cells.map((cell) => parseInline(cell.trim().replaceAll('\\|', '|')));
}

function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === fence[0].repeat(trimmed.length);
}

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const endPara = () => {
    if (para.length) blocks.push({ t: 'para', c: parseInline(para.join('\n')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/.exec(line);
    if (fence) {
      endPara();
      const body: string[] = [];
      for (i++; i < lines.length && !isClosingFence(lines[i], fence[1]); i++) body.push(lines[i]);
      blocks.push({ t: 'code', lang: fence[2], text: body.join('\n') });
      continue;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      endPara();
      blocks.push({ t: 'heading', level: heading[1].length, c: parseInline(heading[2]) });
      continue;
    }
    if (line.startsWith('|') && /^\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      endPara();
      const header = tableCells(line);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(tableCells(lines[i]));
      i--;
      blocks.push({ t: 'table', header, rows });
      continue;
    }
    const quote = /^>\s?(.*)$/.exec(line);
    if (quote) {
      endPara();
      blocks.push({ t: 'quote', c: parseInline(quote[1]) });
      continue;
    }
    if (/^[-*]\s+/.test(line)) {
      endPara();
      const items: Inline[][] = [];
      for (; i < lines.length && /^[-*]\s+/.test(lines[i]); i++)
        items.push(parseInline(lines[i].replace(/^[-*]\s+/, '')));
      i--;
      blocks.push({ t: 'list', items });
      continue;
    }
    if (line.trim() === '') endPara();
    else para.push(line);
  }
  endPara();
  return blocks;
}

// ------------------------------------------------------------------------------------------------ text

interface Palette {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly green: (text: string) => string;
  readonly red: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly yellow: (text: string) => string;
}

function palette(color: boolean): Palette {
  const sgr = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    green: sgr(32, 39),
    red: sgr(31, 39),
    cyan: sgr(36, 39),
    yellow: sgr(33, 39),
  };
}

function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const token of content) {
    if (token.t === 'text' || token.t === 'code') out += token.v;
    else if (token.t === 'br') out += '\n';
    else if (token.t === 'link') out += inlineText(token.c);
  }
  return out;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** Markdown as plain terminal lines; a ```suggestion becomes `-` lines (`original`) and `+` lines. */
function markdownText(
  markdown: string,
  width: number,
  p: Palette,
  original: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (const block of parseMarkdown(markdown)) {
    if (out.length > 0) out.push('');
    switch (block.t) {
      case 'heading': {
        const text = inlineText(block.c);
        out.push(p.bold(text));
        if (block.level <= 2) out.push(p.bold('─'.repeat(Math.min(width, text.length + 2))));
        break;
      }
      case 'para':
        out.push(...wrap(inlineText(block.c), width));
        break;
      case 'quote':
        out.push(...wrap(inlineText(block.c), width - 2).map((line) => `│ ${line}`));
        break;
      case 'list':
        for (const item of block.items) {
          const [first = '', ...rest] = wrap(inlineText(item), width - 2);
          out.push(`• ${first}`, ...rest.map((line) => `  ${line}`));
        }
        break;
      case 'code':
        if (block.lang === 'suggestion') {
          out.push(p.bold('Suggested change:'));
          for (const line of original) out.push(p.red(`  - ${line}`));
          for (const line of block.text === '' ? [] : block.text.split('\n'))
            out.push(p.green(`  + ${line}`));
        } else out.push(...block.text.split('\n').map((line) => `    ${line}`));
        break;
      case 'table': {
        // One finding a line: the short cells side by side, the widest (the message) wrapped below them.
        const headers = block.header.map(inlineText);
        const wide = Math.max(0, headers.indexOf('Message'));
        for (const row of block.rows) {
          const cells = row.map(inlineText);
          out.push(
            cells
              .filter((_, index) => index !== wide)
              .map((cell, index) => (index === 0 ? cell.padStart(4) : cell))
              .join('  '),
          );
          out.push(...wrap(cells[wide] ?? '', width - 8).map((line) => p.dim(`        ${line}`)));
        }
        break;
      }
    }
  }
  return out;
}

function commentText(comment: CommentView, indent: string, width: number, p: Palette): string[] {
  const bar = p.cyan('┃ ');
  const lines = [`${indent}${bar}${p.bold(`💬 ${comment.author}`)}`];
  for (const line of markdownText(comment.body, width, p, comment.original))
    lines.push(`${indent}${bar}${line}`);
  for (const reply of comment.replies) {
    lines.push(`${indent}${bar}`, `${indent}${bar}${p.bold(`↳ ${reply.author}`)}`);
    for (const line of markdownText(reply.body, width - 2, p)) lines.push(`${indent}${bar}  ${line}`);
  }
  return lines;
}

export function renderText(view: PullRequestView, options: { color: boolean; htmlPath?: string }): string {
  const p = palette(options.color);
  const width = 96;
  const out: string[] = [];
  const rule = (title: string) => {
    out.push('', p.bold(title), p.bold('═'.repeat(Math.min(width, title.length))));
  };
  out.push(
    p.bold(`dockerfile-review demo: pull request #${view.number} "${view.title}"`),
    `${view.repository} · ${view.author} wants to merge ${view.headRef} into ${view.baseRef} · head ${view.headSha.slice(0, 7)}`,
    `The bundled action (dist/index.js) ran against a local GitHub API stand-in, as the Actions runner starts it: exit code ${view.exitCode}${view.exitCode === 1 ? ' (findings at or above fail-on: the check blocks the merge)' : ''}.`,
  );

  rule(`Files changed (${view.files.length})`);
  for (const body of view.reviewBodies) {
    out.push('', `${p.cyan('┃ ')}${p.bold('Review by github-actions[bot]')}`);
    for (const line of markdownText(body, width - 4, p)) out.push(`${p.cyan('┃ ')}${line}`);
  }
  for (const file of view.files) {
    out.push(
      '',
      `${p.bold(file.path)}  ${p.dim(`${file.status}, `)}${p.green(`+${file.additions}`)} ${p.red(`−${file.deletions}`)}${file.reviewed ? '' : p.dim('  · not a Dockerfile: not reviewed')}`,
    );
    if (!file.reviewed) continue;
    for (const comment of file.fileComments) out.push(...commentText(comment, '  ', width - 4, p));
    for (const row of file.rows) {
      const numbers = `${String(row.oldNo ?? '').padStart(4)} ${String(row.newNo ?? '').padStart(4)}`;
      if (row.kind === 'hunk') out.push(p.cyan(`  ${row.text}`));
      else if (row.kind === 'note') out.push(p.dim(`  ${row.text}`));
      else if (row.kind === 'add') out.push(p.green(`${numbers} + ${row.text}`));
      else if (row.kind === 'del') out.push(p.red(`${numbers} - ${row.text}`));
      else out.push(`${p.dim(numbers)}   ${row.text}`);
      if (row.newNo !== undefined && row.kind !== 'del') {
        for (const comment of file.threads.get(row.newNo) ?? []) {
          out.push(...commentText(comment, '            ', width - 14, p));
        }
      }
    }
  }

  rule('Summary comment (one sticky comment, edited in place on every push)');
  if (view.summaryComment === null) out.push('(none)');
  else out.push(...markdownText(view.summaryComment, width, p));

  rule('Check run');
  out.push(
    view.checkRun
      ? `${view.checkRun.name}: ${view.checkRun.status}, conclusion ${p.bold(String(view.checkRun.conclusion))}, ${view.checkRun.annotations} annotation(s) on the head commit`
      : '(none)',
  );

  rule('API requests');
  out.push(`${view.requests.total} requests, ${view.requests.writes} of them writes:`);
  for (const [name, count] of view.requests.byOperation) out.push(`  ${String(count).padStart(3)}  ${name}`);
  if (options.htmlPath) out.push('', `The same as a page: ${options.htmlPath}`);
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------ HTML

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function inlineHtml(content: readonly Inline[]): string {
  let out = '';
  let strong = false;
  let sub = 0;
  for (const token of content) {
    switch (token.t) {
      case 'text':
        out += escapeHtml(token.v);
        break;
      case 'code':
        out += `<code>${escapeHtml(token.v)}</code>`;
        break;
      case 'strong':
        out += strong ? '</strong>' : '<strong>';
        strong = !strong;
        break;
      case 'br':
        out += '<br>';
        break;
      case 'sub-open':
        out += '<sub>';
        sub++;
        break;
      case 'sub-close':
        if (sub > 0) {
          out += '</sub>';
          sub--;
        }
        break;
      case 'link':
        // Only web links become links; anything else (javascript:, data:) stays text.
        out += /^https?:\/\//i.test(token.href)
          ? `<a href="${escapeHtml(token.href)}" rel="noreferrer">${inlineHtml(token.c)}</a>`
          : inlineHtml(token.c);
        break;
    }
  }
  if (strong) out += '</strong>';
  return out + '</sub>'.repeat(sub);
}

function suggestionHtml(original: readonly string[], suggested: string): string {
  const rows = [
    ...original.map(
      (line) => `<tr class="del"><td class="mark">-</td><td class="code">${escapeHtml(line)}</td></tr>`,
    ),
    ...(suggested === '' ? [] : suggested.split('\n')).map(
      (line) => `<tr class="add"><td class="mark">+</td><td class="code">${escapeHtml(line)}</td></tr>`,
    ),
  ];
  return `<div class="suggestion"><div class="suggestion-head">Suggested change</div><table class="diff">${rows.join('')}</table><div class="suggestion-foot"><button type="button" disabled>Commit suggestion</button> <button type="button" disabled>Add suggestion to batch</button></div></div>`;
}

export function markdownHtml(markdown: string, original: readonly string[] = []): string {
  return parseMarkdown(markdown)
    .map((block) => {
      switch (block.t) {
        case 'heading':
          return `<h${block.level + 1}>${inlineHtml(block.c)}</h${block.level + 1}>`;
        case 'para':
          return `<p>${inlineHtml(block.c)}</p>`;
        case 'quote':
          return `<blockquote>${inlineHtml(block.c)}</blockquote>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
        case 'code':
          return block.lang === 'suggestion'
            ? suggestionHtml(original, block.text)
            : `<pre><code>${escapeHtml(block.text)}</code></pre>`;
        case 'table':
          return `<table class="md"><thead><tr>${block.header.map((cell) => `<th>${inlineHtml(cell)}</th>`).join('')}</tr></thead><tbody>${block.rows
            .map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`;
      }
      return '';
    })
    .join('\n');
}

function avatar(login: string): string {
  const bot = login.endsWith('[bot]');
  return `<span class="avatar ${bot ? 'bot' : 'human'}" aria-hidden="true">${escapeHtml(login.slice(0, 1).toUpperCase())}</span>`;
}

function authorHtml(login: string): string {
  const bot = login.endsWith('[bot]');
  return `${avatar(login)}<strong>${escapeHtml(login.replace(/\[bot\]$/, ''))}</strong>${bot ? ' <span class="label">bot</span>' : ''}`;
}

function commentHtml(comment: CommentView): string {
  const where =
    comment.line === null
      ? 'commented on the file'
      : comment.startLine !== null
        ? `commented on lines +${comment.startLine} to +${comment.line}`
        : `commented on line +${comment.line}`;
  const replies = comment.replies
    .map(
      (reply) =>
        `<div class="comment reply"><div class="comment-head">${authorHtml(reply.author)} replied</div><div class="markdown">${markdownHtml(reply.body)}</div></div>`,
    )
    .join('');
  return `<div class="thread"><div class="comment"><div class="comment-head">${authorHtml(comment.author)} ${where}</div><div class="markdown">${markdownHtml(comment.body, comment.original)}</div></div>${replies}</div>`;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;background:#fff}
header{padding:24px 32px 0;border-bottom:1px solid #d1d9e0}h1{font-size:26px;font-weight:400;margin:0 0 8px}h1 .num{color:#59636e}
.meta{color:#59636e;margin-bottom:16px}.state{display:inline-block;background:#1f883d;color:#fff;border-radius:2em;padding:4px 12px;font-weight:600;margin-right:8px}
.meta code{background:#ddf4ff;color:#0969da;border-radius:6px;padding:2px 6px}
nav{display:flex;gap:8px}nav a{text-decoration:none;padding:8px 16px;border:1px solid transparent;border-bottom:0;border-radius:6px 6px 0 0;color:#59636e}
nav a.selected{border-color:#d1d9e0;background:#fff;color:#1f2328;font-weight:600;margin-bottom:-1px}
main{padding:24px 32px;max-width:1280px}h2.section{font-size:20px;font-weight:600;margin:32px 0 12px}
.file{border:1px solid #d1d9e0;border-radius:6px;margin:0 0 16px;overflow:hidden}
.file-head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;display:flex;gap:12px;align-items:center}
.file-head .path{font-weight:600}.adds{color:#1a7f37}.dels{color:#d1242f}.muted{color:#59636e;font-family:-apple-system,"Segoe UI",sans-serif}
table.diff{border-collapse:collapse;width:100%;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
table.diff td{padding:0 8px;vertical-align:top;white-space:pre-wrap;word-break:break-all}
td.num{width:1%;min-width:40px;text-align:right;color:#59636e;user-select:none}td.mark{width:1%;user-select:none}
tr.add td{background:#dafbe1}tr.add td.num{background:#aceebb}tr.del td{background:#ffebe9}tr.del td.num{background:#ffcecb}
tr.hunk td{background:#ddf4ff;color:#59636e;padding:4px 8px}tr.note td{color:#59636e;font-style:italic;padding:4px 8px}
tr.threads>td{background:#fff;padding:8px 16px;white-space:normal;word-break:normal;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",sans-serif;font-size:14px}
.thread{border:1px solid #d1d9e0;border-radius:6px;margin:8px 0;max-width:920px;background:#fff}
.comment{padding:8px 16px}.comment+.comment{border-top:1px solid #d1d9e0}.comment-head{color:#59636e;margin-bottom:4px}.comment-head strong{color:#1f2328}
.avatar{display:inline-flex;width:20px;height:20px;border-radius:50%;color:#fff;font-size:11px;font-weight:700;align-items:center;justify-content:center;margin-right:6px;vertical-align:middle}
.avatar.bot{background:#8250df}.avatar.human{background:#0969da}.label{border:1px solid #d1d9e0;border-radius:2em;padding:0 6px;font-size:12px;color:#59636e}
.markdown p{margin:0 0 8px}.markdown code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font-size:85%;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.markdown pre{background:#f6f8fa;padding:12px;border-radius:6px;overflow:auto}.markdown a{color:#0969da;text-decoration:none}.markdown sub{color:#59636e}
.markdown h3{font-size:20px;border-bottom:1px solid #d1d9e0;padding-bottom:4px}.markdown h4{font-size:16px;margin:16px 0 8px}
.markdown blockquote{margin:8px 0;padding:0 12px;border-left:4px solid #d1d9e0;color:#59636e}
table.md{border-collapse:collapse;margin:8px 0;display:block;overflow:auto}table.md th,table.md td{border:1px solid #d1d9e0;padding:6px 12px;vertical-align:top}
table.md th{background:#f6f8fa}table.md td:nth-child(-n+3){white-space:nowrap}
.suggestion{border:1px solid #d1d9e0;border-radius:6px;margin:8px 0;overflow:hidden}.suggestion-head{background:#f6f8fa;padding:6px 12px;font-weight:600;font-size:12px;border-bottom:1px solid #d1d9e0}
.suggestion-foot{padding:6px 12px;background:#f6f8fa;border-top:1px solid #d1d9e0}.suggestion-foot button{font:inherit;font-size:12px;padding:3px 12px;border-radius:6px;border:1px solid #d1d9e0;background:#f6f8fa;color:#59636e}
.review{border:1px solid #d1d9e0;border-radius:6px;margin:0 0 16px;padding:8px 16px;background:#f6f8fa}
.timeline{max-width:960px}.timeline .thread{max-width:none}
.check{border:1px solid #d1d9e0;border-radius:6px;padding:12px 16px;display:flex;gap:12px;align-items:center;max-width:960px}
.dot{width:12px;height:12px;border-radius:50%;display:inline-block}.dot.success{background:#1a7f37}.dot.failure{background:#d1242f}.dot.neutral{background:#59636e}
.requests{color:#59636e;font-size:12px}.requests table{border-collapse:collapse}.requests td{padding:0 12px 0 0}
`;

export function renderHtml(view: PullRequestView): string {
  const files = view.files
    .map((file) => {
      const head = `<div class="file-head"><span class="path">${escapeHtml(file.path)}</span><span class="adds">+${file.additions}</span><span class="dels">−${file.deletions}</span><span class="muted">${escapeHtml(file.status)}${file.reviewed ? '' : ' · not a Dockerfile: not reviewed'}</span></div>`;
      const fileComments = file.fileComments.length
        ? `<div style="padding:0 16px">${file.fileComments.map(commentHtml).join('')}</div>`
        : '';
      const rows = file.rows
        .map((row) => {
          const cells =
            row.kind === 'hunk' || row.kind === 'note'
              ? `<td colspan="4">${escapeHtml(row.text)}</td>`
              : `<td class="num">${row.oldNo ?? ''}</td><td class="num">${row.newNo ?? ''}</td><td class="mark">${row.kind === 'add' ? '+' : row.kind === 'del' ? '-' : ' '}</td><td class="code">${escapeHtml(row.text)}</td>`;
          const threads =
            row.newNo !== undefined && row.kind !== 'del' ? (file.threads.get(row.newNo) ?? []) : [];
          return `<tr class="${row.kind}">${cells}</tr>${threads.length ? `<tr class="threads"><td colspan="4">${threads.map(commentHtml).join('')}</td></tr>` : ''}`;
        })
        .join('\n');
      return `<div class="file">${head}${fileComments}${file.reviewed || file.rows.length < 40 ? `<table class="diff">${rows}</table>` : ''}</div>`;
    })
    .join('\n');
  const reviews = view.reviewBodies
    .map(
      (body) =>
        `<div class="review"><div class="comment-head">${authorHtml('github-actions[bot]')} reviewed</div><div class="markdown">${markdownHtml(body)}</div></div>`,
    )
    .join('');
  const summary = view.summaryComment
    ? `<div class="thread"><div class="comment"><div class="comment-head">${authorHtml('github-actions[bot]')} commented (edited on every push)</div><div class="markdown">${markdownHtml(view.summaryComment)}</div></div></div>`
    : '<p>No summary comment.</p>';
  const check = view.checkRun
    ? `<div class="check"><span class="dot ${escapeHtml(String(view.checkRun.conclusion))}"></span><strong>${escapeHtml(view.checkRun.name)}</strong><span>${escapeHtml(view.checkRun.status)}: ${escapeHtml(String(view.checkRun.conclusion))}</span><span class="muted">${view.checkRun.annotations} annotation(s) on ${escapeHtml(view.headSha.slice(0, 7))}</span></div>`
    : '<p>No check run.</p>';
  const requests = `<div class="requests"><p>The action made ${view.requests.total} API requests (${view.requests.writes} writes):</p><table>${view.requests.byOperation
    .map(([name, count]) => `<tr><td>${count}</td><td>${escapeHtml(name)}</td></tr>`)
    .join('')}</table></div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${view.title} · Pull Request #${view.number} · ${view.repository}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(view.title)} <span class="num">#${view.number}</span></h1>
<div class="meta"><span class="state">Open</span><strong>${escapeHtml(view.author)}</strong> wants to merge into <code>${escapeHtml(view.baseRef)}</code> from <code>${escapeHtml(view.headRef)}</code> · ${escapeHtml(view.repository)} · rendered by <code>npm run demo</code> (the action's exit code: ${view.exitCode})</div>
<nav><a href="#conversation">Conversation</a><a class="selected" href="#files">Files changed ${view.files.length}</a><a href="#checks">Checks ${view.checkRun ? 1 : 0}</a></nav>
</header>
<main>
<h2 class="section" id="files">Files changed</h2>
${reviews}
${files}
<h2 class="section" id="conversation">Conversation</h2>
<div class="timeline">${summary}</div>
<h2 class="section" id="checks">Checks</h2>
${check}
<h2 class="section">Behind the scenes</h2>
${requests}
</main>
</body>
</html>
`;
}

// ------------------------------------------------------------------------------------------------ main

export interface DemoResult {
  readonly view: PullRequestView;
  readonly run: ActionRun;
  readonly htmlPath: string;
  readonly html: string;
  readonly text: string;
}

export async function runDemo(
  options: { root?: string; outDir?: string; color?: boolean } = {},
): Promise<DemoResult> {
  const root = options.root ?? repoRoot();
  const fixture = demoFixture(root);
  const standIn = await startStandIn(fixture, { token: DEMO_TOKEN });
  try {
    const run = await runBundledAction(root, standIn);
    const view = pullRequestView(standIn, fixture, run);
    const outDir = resolve(options.outDir ?? join(root, 'demo-output'));
    mkdirSync(outDir, { recursive: true });
    const htmlPath = join(outDir, 'pull-request.html');
    const html = renderHtml(view);
    writeFileSync(htmlPath, html);
    const text = renderText(view, {
      color: options.color ?? false,
      htmlPath: relative(process.cwd(), htmlPath),
    });
    return { view, run, htmlPath, html, text };
  } finally {
    await standIn.close();
  }
}

async function main(): Promise<void> {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const result = await runDemo({ color });
  process.stdout.write(result.text);
  if (result.run.code !== 0 && result.run.code !== 1) {
    process.stderr.write(`The action failed unexpectedly (exit ${result.run.code}):\n${result.run.stderr}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
