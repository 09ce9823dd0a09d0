/**
 * A stateful stand-in for the part of GitHub's REST and GraphQL APIs a pull-request review bot uses:
 * one repository, one pull request built from a fixture, real HTTP on 127.0.0.1. Error bodies and
 * limits follow /work/shared/research/github-api.md; where GitHub's exact wording is unknown the
 * code says so (search for "unverified").
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  anchorAtPosition,
  blobSha,
  computePatch,
  diffHunkFor,
  type Hunk,
  hunkIndexOf,
  isBinary,
  lineCount,
  positionOf,
  type Side,
  sha1,
  unchangedLineMap,
} from './diff.js';
import { type FaultEntry, type FaultKind, Faults } from './faults.js';
import { type GraphqlBackend, type GraphqlRequest, handleGraphql } from './graphql.js';
import {
  loadOperations,
  matchRoute,
  type Operation,
  pathParamsValid,
  validateBody,
  validateQuery,
} from './openapi.js';
import type {
  AnnotationRecord,
  CheckRunRecord,
  DiffEntry,
  IssueCommentRecord,
  PullRequestFixture,
  RecordedRequest,
  ReviewCommentRecord,
  ReviewRecord,
  ReviewState,
  StandIn,
  StandInOptions,
  StandInState,
  ThreadRecord,
  UserJson,
} from './types.js';

const DEFAULT_TOKEN = 'ghs_standin_token';
/** GitHub's comment body limit, in characters (code points). github-api.md §1.8. */
export const BODY_LIMIT = 65536;
/** The real id of github-actions[bot]. */
const ACTIONS_BOT_ID = 41898282;
const REST_DOCS = 'https://docs.github.com/rest';
const SECONDARY_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.';
const FILES_DIFF_LIMIT = 300;
const CONTENTS_JSON_LIMIT = 1024 * 1024;

interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

interface Ctx {
  op: Operation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  accept: string;
  pathname: string;
  user: UserJson;
}

interface FileState {
  entry: DiffEntry;
  /** Empty when GitHub would omit `patch` (binary, too large, pure rename). */
  hunks: Hunk[];
  oldPath: string;
  oldLines: number;
  newLines: number;
}

interface Version {
  sha: string;
  tree: Record<string, string>;
  files: FileState[];
}

interface Anchor {
  path: string;
  line: number;
  side: Side;
  start_line: number | null;
  start_side: Side | null;
  position: number;
  diff_hunk: string;
}

/** Why GitHub would refuse a comment location; rendered differently by the review and single-comment endpoints. */
type AnchorFailure =
  | { kind: 'path' }
  | { kind: 'unresolvable' }
  | { kind: 'side' }
  | { kind: 'precede' }
  | { kind: 'not-in-diff'; range: boolean }
  | { kind: 'start-hunk' };

interface CommentInput {
  path: string;
  body: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
}

interface Auth {
  writable: boolean;
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_kwDO${Buffer.from(`standin:${id}`).toString('base64url')}`;
}

/** GitHub wraps base64 content at 60 columns, with a trailing newline. */
function base64Wrapped(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  return b64 ? `${(b64.match(/.{1,60}/g) ?? []).join('\n')}\n` : '';
}

function charLength(s: string): number {
  return [...s].length;
}

/** Rails' Array#to_sentence, which GitHub uses to join review validation messages. */
function toSentence(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function errorBody(status: number, message: string, docUrl: string, errors?: unknown[]): Reply {
  const body: Record<string, unknown> = { message };
  if (errors) body.errors = errors;
  body.documentation_url = docUrl;
  body.status = String(status);
  return { status, body };
}

/** The review endpoint's 422: `errors` is an array of strings (github-api.md §1.5). */
function unprocessable(messages: string[], docUrl: string): Reply {
  return errorBody(422, 'Unprocessable Entity', docUrl, [...new Set(messages)]);
}

function validationFailed(errors: Array<Record<string, string>>, docUrl: string): Reply {
  return errorBody(422, 'Validation Failed', docUrl, errors);
}

function tooLong(resource: string, docUrl: string): Reply {
  // Verbatim for IssueComment (github-api.md §1.8); the other resources are assumed to match (unverified).
  return validationFailed(
    [
      {
        resource,
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${BODY_LIMIT} characters)`,
      },
    ],
    docUrl,
  );
}

function reviewMessages(f: AnchorFailure): string[] {
  switch (f.kind) {
    case 'path':
      return ['Path could not be resolved'];
    case 'unresolvable':
      return ['Line could not be resolved'];
    case 'side':
      return ['Pull request review thread side is not included in the list']; // unverified wording
    case 'precede':
      return ['Pull request review thread start line must precede the end line.'];
    case 'start-hunk':
      return ['Pull request review thread start line must be part of the same hunk as the line.'];
    case 'not-in-diff':
      return [
        toSentence([
          'Pull request review thread line must be part of the diff',
          ...(f.range
            ? ['Pull request review thread start line must be part of the same hunk as the line.']
            : []),
          "Pull request review thread diff hunk can't be blank",
        ]),
      ];
  }
}

/** The single-comment endpoint answers "Validation Failed" with error objects (mitchspano/sfdx-scan-pull-request#16). */
function singleCommentFailure(f: AnchorFailure, docUrl: string): Reply {
  const resource = 'PullRequestReviewComment';
  const custom = (field: string, message: string) => ({ resource, code: 'custom', field, message });
  switch (f.kind) {
    case 'path':
    case 'unresolvable':
    case 'side':
      return unprocessable(reviewMessages(f), docUrl);
    case 'precede':
      return validationFailed(
        [
          custom(
            'pull_request_review_thread.start_line',
            'pull_request_review_thread.start_line must precede the end line.',
          ),
        ],
        docUrl,
      );
    case 'start-hunk':
      return validationFailed(
        [
          custom(
            'pull_request_review_thread.start_line',
            'pull_request_review_thread.start_line must be part of the same hunk as the line.',
          ),
        ],
        docUrl,
      );
    case 'not-in-diff':
      return validationFailed(
        [
          custom(
            'pull_request_review_thread.line',
            'pull_request_review_thread.line must be part of the diff',
          ),
          ...(f.range
            ? [
                custom(
                  'pull_request_review_thread.start_line',
                  'pull_request_review_thread.start_line must be part of the same hunk as the line.',
                ),
              ]
            : []),
          { resource, code: 'missing_field', field: 'pull_request_review_thread.diff_hunk' },
        ],
        docUrl,
      );
  }
}

function permissionFor(op: Operation): string {
  if (op.operationId.startsWith('checks/')) return 'checks=write';
  if (op.operationId.startsWith('issues/')) return 'issues=write; pull_requests=write';
  if (op.operationId.startsWith('pulls/')) return 'pull_requests=write';
  return 'contents=write';
}

export class StandInServer implements StandIn, GraphqlBackend {
  readonly state: StandInState = {
    reviews: [],
    reviewComments: [],
    issueComments: [],
    checkRuns: [],
    threads: [],
    minimized: [],
    deletedReviewCommentIds: [],
    deletedIssueCommentIds: [],
    requests: [],
  };
  readonly faults = new Faults();
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly pullRequestNodeId: string;
  readonly viewerLogin: string;
  readonly baseSha: string;

  private server: Server | undefined;
  private baseUrl = '';
  private readonly ops: Operation[];
  private readonly versions: Version[] = [];
  private readonly versionBySha = new Map<string, Version>();
  private readonly blobs = new Map<string, string>();
  private renames: Record<string, string>;
  private seq = 1000;
  private requestSeq = 0;
  private readonly used = { core: 0, graphql: 0 };
  private readonly resetAt: number;
  private readonly botUser: UserJson;
  private readonly opts: Required<Omit<StandInOptions, 'readOnlyToken' | 'openapiSubsetPath'>> &
    Pick<StandInOptions, 'readOnlyToken'>;

  constructor(
    private readonly fixture: PullRequestFixture,
    options: StandInOptions = {},
  ) {
    this.opts = {
      token: options.token ?? DEFAULT_TOKEN,
      readOnlyToken: options.readOnlyToken,
      botLogin: options.botLogin ?? 'github-actions[bot]',
      omitPatchOver: options.omitPatchOver ?? 2000,
      maxListedFiles: options.maxListedFiles ?? 3000,
      rateLimit: options.rateLimit ?? 1000,
      clock: options.clock ?? (() => new Date()),
      serverUrl: (options.serverUrl ?? 'https://github.com').replace(/\/$/, ''),
      validateRequests: options.validateRequests ?? true,
    };
    this.token = this.opts.token;
    this.owner = fixture.owner;
    this.repo = fixture.repo;
    this.number = fixture.number;
    this.pullRequestNodeId = nodeId('PR', fixture.number);
    this.viewerLogin = this.opts.botLogin;
    this.botUser = this.userJson(this.opts.botLogin);
    this.ops = loadOperations(options.openapiSubsetPath);
    this.renames = { ...(fixture.renames ?? {}) };
    this.resetAt = Math.floor(this.opts.clock().getTime() / 1000) + 3600;
    for (const content of Object.values(fixture.base)) this.blobs.set(blobSha(content), content);
    this.baseSha = this.commitSha('', fixture.base);
    this.addVersion(fixture.head, this.baseSha);
  }

  // ---------------------------------------------------------------- lifecycle

  async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.onRequest(req, res).catch((e: unknown) => {
        // A bug in the stand-in must surface as a loud 500, not a hang.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`stand-in error: ${(e as Error).stack ?? String(e)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // Octokit's fetch keeps connections alive; without this close() would wait for them to time out.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return this.baseUrl;
  }

  get graphqlUrl(): string {
    return `${this.baseUrl}/graphql`;
  }

  get headSha(): string {
    return this.current.sha;
  }

  private get current(): Version {
    const v = this.versions[this.versions.length - 1];
    if (!v) throw new Error('no head version');
    return v;
  }

  // ---------------------------------------------------------------- PR model

  private commitSha(parent: string, tree: Record<string, string>): string {
    const listing = Object.keys(tree)
      .sort()
      .map((p) => `${p}\0${blobSha(tree[p] ?? '')}\n`)
      .join('');
    return sha1(`commit\nparent ${parent}\ntree ${sha1(listing)}\n`);
  }

  private addVersion(head: Record<string, string>, parent: string): Version {
    const tree = { ...head };
    for (const content of Object.values(tree)) this.blobs.set(blobSha(content), content);
    const sha = this.commitSha(parent, tree);
    const version: Version = { sha, tree, files: [] };
    version.files = this.computeFiles(version);
    this.versions.push(version);
    this.versionBySha.set(sha, version);
    return version;
  }

  private computeFiles(version: Version): FileState[] {
    const base = this.fixture.base;
    const head = version.tree;
    // Only renames git would also see: the old path is gone and the new one did not exist.
    const renameFrom = new Map<string, string>();
    for (const [to, from] of Object.entries(this.renames)) {
      if (to in head && from in base && !(from in head) && !(to in base)) renameFrom.set(to, from);
    }
    const renamedAway = new Set(renameFrom.values());
    const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    const files: FileState[] = [];
    for (const path of paths) {
      if (renamedAway.has(path)) continue;
      const inBase = path in base;
      const inHead = path in head;
      let status: DiffEntry['status'];
      let oldPath = path;
      let oldText = '';
      let newText = '';
      if (inHead && !inBase) {
        const from = renameFrom.get(path);
        status = from ? 'renamed' : 'added';
        if (from) {
          oldPath = from;
          oldText = base[from] ?? '';
        }
        newText = head[path] ?? '';
      } else if (!inHead) {
        status = 'removed';
        oldText = base[path] ?? '';
      } else {
        oldText = base[path] ?? '';
        newText = head[path] ?? '';
        if (oldText === newText) continue;
        status = 'modified';
      }
      const binary = isBinary(oldText) || isBinary(newText);
      const computed = binary ? undefined : computePatch(oldText, newText);
      const additions = computed?.additions ?? 0;
      const deletions = computed?.deletions ?? 0;
      const keepPatch =
        computed !== undefined && computed.patch !== '' && additions + deletions <= this.opts.omitPatchOver;
      const repoUrl = `${this.opts.serverUrl}/${this.owner}/${this.repo}`;
      const entry: DiffEntry = {
        sha: status === 'removed' ? blobSha(oldText) : blobSha(newText),
        filename: path,
        status,
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `${repoUrl}/blob/${version.sha}/${encodePath(path)}`,
        raw_url: `${repoUrl}/raw/${version.sha}/${encodePath(path)}`,
        // Filled in by entryJson: the port is not known until the server listens.
        contents_url: '',
      };
      if (keepPatch) entry.patch = computed.patch;
      if (status === 'renamed') entry.previous_filename = oldPath;
      files.push({
        entry,
        hunks: keepPatch ? computed.hunks : [],
        oldPath,
        oldLines: lineCount(oldText),
        newLines: lineCount(newText),
      });
    }
    return files;
  }

  private entryJson(entry: DiffEntry, version: Version): DiffEntry {
    return {
      ...entry,
      contents_url: `${this.repoApi}/contents/${encodePath(entry.filename)}?ref=${version.sha}`,
    };
  }

  files(): DiffEntry[] {
    return this.current.files.map((f) => this.entryJson(f.entry, this.current));
  }

  pushHead(newHead: Record<string, string>, renames?: Record<string, string>): string {
    if (renames) this.renames = { ...renames };
    const previous = this.current;
    const version = this.addVersion(newHead, previous.sha);
    // GitHub keeps every comment. One whose lines are unchanged follows the code to its new line
    // number (GitHub re-anchors such comments too); one whose lines changed, or that left the diff,
    // becomes outdated: line/start_line/position null, original_* and original_commit_id kept.
    for (const c of this.state.reviewComments) {
      if (c.subject_type === 'file') {
        if (this.fileIn(version, c.path)) c.commit_id = version.sha;
        continue;
      }
      if (c.line === null || c.side === null) continue;
      const file = this.fileIn(version, c.path);
      let line: number | undefined = c.line;
      let start: number | undefined = c.start_line ?? undefined;
      if (c.side === 'RIGHT') {
        const from = this.versionBySha.get(c.commit_id)?.tree[c.path];
        const to = version.tree[c.path];
        const map =
          from !== undefined && to !== undefined ? unchangedLineMap(from, to) : new Map<number, number>();
        line = map.get(c.line);
        start = c.start_line === null ? undefined : map.get(c.start_line);
        if (c.start_line !== null && start === undefined) line = undefined;
      }
      const position = file && line !== undefined ? positionOf(file.hunks, line, c.side) : undefined;
      if (position === undefined || line === undefined) {
        c.line = null;
        c.start_line = null;
        c.position = null;
      } else {
        c.line = line;
        c.start_line = start ?? null;
        c.position = position;
        c.commit_id = version.sha;
      }
    }
    return version.sha;
  }

  private treeAt(ref: string | null): Record<string, string> | undefined {
    const baseRef = this.fixture.baseRef ?? 'main';
    const headRef = this.fixture.headRef ?? 'feature';
    if (
      ref === null ||
      ref === '' ||
      ref === baseRef ||
      ref === `refs/heads/${baseRef}` ||
      ref === this.baseSha
    ) {
      return this.fixture.base;
    }
    if (ref === headRef || ref === `refs/heads/${headRef}` || ref === `refs/pull/${this.number}/head`)
      return this.current.tree;
    return this.versionBySha.get(ref)?.tree;
  }

  // ---------------------------------------------------------------- JSON shapes

  private userJson(login: string): UserJson {
    const bot = login.endsWith('[bot]');
    const id =
      login === 'github-actions[bot]' ? ACTIONS_BOT_ID : Number.parseInt(sha1(login).slice(0, 7), 16);
    return {
      login,
      id,
      node_id: nodeId(bot ? 'BOT' : 'U', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: `${this.baseUrl}/users/${encodeURIComponent(login)}`,
      html_url: bot
        ? `${this.opts.serverUrl}/apps/${login.replace(/\[bot\]$/, '')}`
        : `${this.opts.serverUrl}/${login}`,
      type: bot ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  private association(user: UserJson): string {
    if (user.type === 'Bot') return 'NONE';
    return user.login === this.fixture.owner ? 'OWNER' : 'CONTRIBUTOR';
  }

  private get repoApi(): string {
    return `${this.baseUrl}/repos/${this.owner}/${this.repo}`;
  }

  private get pullHtml(): string {
    return `${this.opts.serverUrl}/${this.owner}/${this.repo}/pull/${this.number}`;
  }

  private repoJson(fullName: string, id: number): Record<string, unknown> {
    const [ownerLogin = '', name = ''] = fullName.split('/');
    return {
      id,
      node_id: nodeId('R', id),
      name,
      full_name: fullName,
      private: false,
      owner: this.userJson(ownerLogin),
      html_url: `${this.opts.serverUrl}/${fullName}`,
      url: `${this.baseUrl}/repos/${fullName}`,
      fork: fullName !== `${this.owner}/${this.repo}`,
      default_branch: this.fixture.baseRef ?? 'main',
    };
  }

  private get headRepoFullName(): string {
    return this.fixture.headRepoFullName ?? `${this.owner}/${this.repo}`;
  }

  private pullJson(): Record<string, unknown> {
    const files = this.current.files;
    const baseFull = `${this.owner}/${this.repo}`;
    const headFull = this.headRepoFullName;
    const baseRef = this.fixture.baseRef ?? 'main';
    const headRef = this.fixture.headRef ?? 'feature';
    const author = this.userJson(this.fixture.author ?? 'octocat');
    const created = iso(this.opts.clock());
    return {
      url: `${this.repoApi}/pulls/${this.number}`,
      id: 100000 + this.number,
      node_id: this.pullRequestNodeId,
      html_url: this.pullHtml,
      diff_url: `${this.pullHtml}.diff`,
      patch_url: `${this.pullHtml}.patch`,
      issue_url: `${this.repoApi}/issues/${this.number}`,
      number: this.number,
      state: 'open',
      locked: false,
      title: this.fixture.title ?? 'Update Dockerfiles',
      user: author,
      body: this.fixture.body ?? '',
      created_at: created,
      updated_at: created,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: sha1(`merge ${this.headSha} ${this.baseSha}`),
      draft: this.fixture.draft ?? false,
      head: {
        label: `${headFull.split('/')[0]}:${headRef}`,
        ref: headRef,
        sha: this.headSha,
        user: this.userJson(headFull.split('/')[0] ?? this.owner),
        repo: this.repoJson(headFull, headFull === baseFull ? 1 : 2),
      },
      base: {
        label: `${this.owner}:${baseRef}`,
        ref: baseRef,
        sha: this.baseSha,
        user: this.userJson(this.owner),
        repo: this.repoJson(baseFull, 1),
      },
      author_association: this.association(author),
      merged: false,
      mergeable: true,
      mergeable_state: 'clean',
      comments: this.state.issueComments.length,
      review_comments: this.publishedComments().length,
      maintainer_can_modify: false,
      commits: this.versions.length,
      additions: files.reduce((s, f) => s + f.entry.additions, 0),
      deletions: files.reduce((s, f) => s + f.entry.deletions, 0),
      changed_files: files.length,
      _links: {
        self: { href: `${this.repoApi}/pulls/${this.number}` },
        html: { href: this.pullHtml },
        issue: { href: `${this.repoApi}/issues/${this.number}` },
        comments: { href: `${this.repoApi}/issues/${this.number}/comments` },
        review_comments: { href: `${this.repoApi}/pulls/${this.number}/comments` },
        statuses: { href: `${this.repoApi}/statuses/${this.headSha}` },
      },
    };
  }

  eventPayload(action = 'opened'): Record<string, unknown> {
    const payload: Record<string, unknown> = {
      action,
      number: this.number,
      pull_request: this.pullJson(),
      repository: this.repoJson(`${this.owner}/${this.repo}`, 1),
      sender: this.userJson(this.fixture.author ?? 'octocat'),
    };
    if (action === 'synchronize') {
      payload.before = this.versions[this.versions.length - 2]?.sha ?? this.baseSha;
      payload.after = this.headSha;
    }
    return payload;
  }

  private reviewJson(r: ReviewRecord): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: r.id,
      node_id: r.node_id,
      user: r.user,
      body: r.body,
      state: r.state,
      html_url: `${this.pullHtml}#pullrequestreview-${r.id}`,
      pull_request_url: `${this.repoApi}/pulls/${this.number}`,
      author_association: this.association(r.user),
      _links: {
        html: { href: `${this.pullHtml}#pullrequestreview-${r.id}` },
        pull_request: { href: `${this.repoApi}/pulls/${this.number}` },
      },
      commit_id: r.commit_id,
    };
    if (r.submitted_at) json.submitted_at = r.submitted_at;
    return json;
  }

  htmlUrlOfReviewComment(c: ReviewCommentRecord): string {
    return `${this.pullHtml}#discussion_r${c.id}`;
  }

  private reactions(url: string): Record<string, unknown> {
    return {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    };
  }

  private reviewCommentJson(c: ReviewCommentRecord): Record<string, unknown> {
    const url = `${this.repoApi}/pulls/comments/${c.id}`;
    const json: Record<string, unknown> = {
      url,
      pull_request_review_id: c.pull_request_review_id,
      id: c.id,
      node_id: c.node_id,
      diff_hunk: c.diff_hunk,
      path: c.path,
      position: c.position,
      original_position: c.original_position,
      commit_id: c.commit_id,
      original_commit_id: c.original_commit_id,
      user: c.user,
      body: c.body,
      created_at: c.created_at,
      updated_at: c.updated_at,
      html_url: this.htmlUrlOfReviewComment(c),
      pull_request_url: `${this.repoApi}/pulls/${this.number}`,
      author_association: this.association(c.user),
      _links: {
        self: { href: url },
        html: { href: this.htmlUrlOfReviewComment(c) },
        pull_request: { href: `${this.repoApi}/pulls/${this.number}` },
      },
      reactions: this.reactions(url),
      start_line: c.start_line,
      original_start_line: c.original_start_line,
      start_side: c.start_side,
      line: c.line,
      original_line: c.original_line,
      side: c.side,
      subject_type: c.subject_type,
    };
    // GitHub leaves the key out, rather than null, on comments that are not replies.
    if (c.in_reply_to_id !== null) json.in_reply_to_id = c.in_reply_to_id;
    return json;
  }

  private issueCommentJson(c: IssueCommentRecord): Record<string, unknown> {
    const url = `${this.repoApi}/issues/comments/${c.id}`;
    return {
      url,
      html_url: `${this.pullHtml}#issuecomment-${c.id}`,
      issue_url: `${this.repoApi}/issues/${this.number}`,
      id: c.id,
      node_id: c.node_id,
      user: c.user,
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: this.association(c.user),
      body: c.body,
      reactions: this.reactions(url),
      performed_via_github_app: null,
    };
  }

  private checkRunJson(r: CheckRunRecord): Record<string, unknown> {
    const url = `${this.repoApi}/check-runs/${r.id}`;
    const fork = this.headRepoFullName !== `${this.owner}/${this.repo}`;
    return {
      id: r.id,
      name: r.name,
      node_id: r.node_id,
      head_sha: r.head_sha,
      external_id: r.external_id ?? '',
      url,
      html_url: `${this.opts.serverUrl}/${this.owner}/${this.repo}/runs/${r.id}`,
      details_url: r.details_url ?? `${this.opts.serverUrl}/${this.owner}/${this.repo}/runs/${r.id}`,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      output: {
        title: r.output.title,
        summary: r.output.summary,
        text: r.output.text,
        annotations_count: r.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      check_suite: { id: 1 },
      app: {
        id: 15368,
        slug: 'github-actions',
        node_id: 'MDM6QXBwMTUzNjg=',
        name: 'GitHub Actions',
        owner: this.userJson('github'),
      },
      // The spec: pushes to a fork are not detected, so the list is empty for fork PRs.
      pull_requests: fork
        ? []
        : [
            {
              url: `${this.repoApi}/pulls/${this.number}`,
              id: 100000 + this.number,
              number: this.number,
              head: {
                ref: this.fixture.headRef ?? 'feature',
                sha: this.headSha,
                repo: { id: 1, name: this.repo },
              },
              base: {
                ref: this.fixture.baseRef ?? 'main',
                sha: this.baseSha,
                repo: { id: 1, name: this.repo },
              },
            },
          ],
    };
  }

  private annotationJson(a: AnnotationRecord, checkRun: CheckRunRecord): Record<string, unknown> {
    return {
      ...a,
      blob_href: `${this.opts.serverUrl}/${this.owner}/${this.repo}/blob/${checkRun.head_sha}/${encodePath(a.path)}`,
    };
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    let parseError = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        parseError = true;
        body = raw;
      }
    }
    const { reply, operationId, fault, resource } = this.dispatch(method, url, req.headers, body, parseError);

    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': String(req.headers['x-github-api-version'] ?? '2022-11-28'),
      'x-github-request-id': `STANDIN:${this.requestSeq + 1}`,
      ...this.rateHeaders(resource),
      ...(reply.headers ?? {}),
    };
    let payload = '';
    if (reply.text !== undefined) {
      headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
      payload = reply.text;
    } else if (reply.body !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(reply.body);
    }
    this.record(method, url, operationId, reply.status, body, req.headers, fault);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private record(
    method: string,
    url: URL,
    operationId: string | undefined,
    status: number,
    body: unknown,
    headers: IncomingHttpHeaders,
    fault: FaultKind | undefined,
  ): void {
    const kept: Record<string, string> = {};
    for (const name of ['accept', 'content-type', 'user-agent', 'x-github-api-version']) {
      const v = headers[name];
      if (typeof v === 'string') kept[name] = v;
    }
    // Never keep the credential: tests print request logs, and logs end up in CI output.
    if (headers.authorization !== undefined) kept.authorization = '***';
    const entry: RecordedRequest = {
      seq: ++this.requestSeq,
      method,
      path: url.pathname,
      url: url.pathname + url.search,
      operationId,
      status,
      body,
      headers: kept,
    };
    if (fault) entry.fault = fault;
    this.state.requests.push(entry);
  }

  private rateHeaders(resource: 'core' | 'graphql'): Record<string, string> {
    const limit = resource === 'graphql' ? 5000 : this.opts.rateLimit;
    const used = this.used[resource];
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-resource': resource,
    };
  }

  private authenticate(header: string | undefined): Auth | 'missing' | 'bad' {
    if (!header) return 'missing';
    const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
    if (!m) return 'bad';
    const token = m[1];
    const ro = this.opts.readOnlyToken;
    if (token === this.opts.token) return { writable: ro !== true };
    if (typeof ro === 'string' && token === ro) return { writable: false };
    return 'bad';
  }

  private faultReply(f: FaultEntry, resource: 'core' | 'graphql', docUrl: string): Reply {
    if (f.kind === 'secondary-rate-limit') {
      const r = errorBody(f.status, SECONDARY_RATE_LIMIT_MESSAGE, SECONDARY_DOCS);
      if (f.seconds !== undefined) r.headers = { 'retry-after': String(f.seconds) };
      return r;
    }
    if (f.kind === 'primary-rate-limit') {
      // Wording unverified; clients key on x-ratelimit-remaining: 0 and x-ratelimit-reset.
      const r = errorBody(
        403,
        'API rate limit exceeded for installation ID 1.',
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
      );
      r.headers = {
        ...this.rateHeaders(resource),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(this.opts.clock().getTime() / 1000) + (f.seconds ?? 60)),
      };
      return r;
    }
    return errorBody(f.status, 'Server Error', docUrl);
  }

  private dispatch(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    body: unknown,
    parseError: boolean,
  ): { reply: Reply; operationId?: string; fault?: FaultKind; resource: 'core' | 'graphql' } {
    const isGraphql = url.pathname === '/graphql';
    const resource = isGraphql ? 'graphql' : 'core';
    let op: Operation | undefined;
    let params: Record<string, string> = {};
    if (isGraphql) {
      if (method !== 'POST') return { reply: errorBody(404, 'Not Found', REST_DOCS), resource };
    } else {
      const m = matchRoute(this.ops, method, url.pathname);
      // GitHub answers 404 for unknown routes, wrong methods and malformed ids alike.
      if (m.kind !== 'matched' || !pathParamsValid(m.op, m.params)) {
        return { reply: errorBody(404, 'Not Found', REST_DOCS), resource };
      }
      op = m.op;
      params = m.params;
    }
    const operationId = op?.operationId ?? 'graphql';
    const docUrl = op?.docUrl ?? 'https://docs.github.com/graphql';

    const auth = this.authenticate(headers.authorization);
    if (auth === 'missing')
      return { reply: errorBody(401, 'Requires authentication', docUrl), operationId, resource };
    if (auth === 'bad') return { reply: errorBody(401, 'Bad credentials', REST_DOCS), operationId, resource };
    this.used[resource]++;

    const pre = this.faults.take(
      ['secondary-rate-limit', 'primary-rate-limit', 'server-error'],
      method,
      url.pathname,
    );
    if (pre) return { reply: this.faultReply(pre, resource, docUrl), operationId, fault: pre.kind, resource };
    const limit = resource === 'graphql' ? 5000 : this.opts.rateLimit;
    if (this.used[resource] > limit) {
      const seconds = this.resetAt - Math.floor(this.opts.clock().getTime() / 1000);
      const f: FaultEntry = { kind: 'primary-rate-limit', remaining: 0, status: 403, seconds };
      return {
        reply: this.faultReply(f, resource, docUrl),
        operationId,
        fault: 'primary-rate-limit',
        resource,
      };
    }
    if (parseError) return { reply: errorBody(400, 'Problems parsing JSON', docUrl), operationId, resource };

    if (isGraphql || !op) {
      const gql = handleGraphql(this, (body ?? {}) as GraphqlRequest, auth.writable);
      return this.afterCommit({ status: 200, body: gql }, method, url, operationId, resource);
    }

    const isWrite = method !== 'GET' && method !== 'HEAD';
    if (isWrite && !auth.writable) {
      const r = errorBody(403, 'Resource not accessible by integration', docUrl);
      r.headers = { 'x-accepted-github-permissions': permissionFor(op) };
      return { reply: r, operationId, resource };
    }
    if (op.operationId === 'users/get-authenticated' && this.botUser.type === 'Bot') {
      // GITHUB_TOKEN is an installation token: there is no user behind it (hmarr/auto-approve-action#191).
      return {
        reply: errorBody(403, 'Resource not accessible by integration', docUrl),
        operationId,
        resource,
      };
    }
    if (this.opts.validateRequests) {
      const problems = validateQuery(op, url.searchParams) ?? validateBody(op, body);
      if (problems) {
        return {
          reply: errorBody(422, `Invalid request.\n\n${problems.join('\n')}`, docUrl),
          operationId,
          resource,
        };
      }
    }
    if (!this.isThisPull(op, params))
      return { reply: errorBody(404, 'Not Found', docUrl), operationId, resource };

    const ctx: Ctx = {
      op,
      params,
      query: url.searchParams,
      body,
      accept: String(headers.accept ?? ''),
      pathname: url.pathname,
      user: this.botUser,
    };
    const handler = this.handlers[op.operationId];
    if (!handler) throw new Error(`no handler for ${op.operationId}`);
    return this.afterCommit(handler(ctx), method, url, operationId, resource);
  }

  /** The "5xx after the write happened" fault: the work above is kept, the answer is lost. */
  private afterCommit(
    reply: Reply,
    method: string,
    url: URL,
    operationId: string,
    resource: 'core' | 'graphql',
  ): { reply: Reply; operationId: string; fault?: FaultKind; resource: 'core' | 'graphql' } {
    if (reply.status >= 400) return { reply, operationId, resource };
    const f = this.faults.take(['after-commit'], method, url.pathname);
    if (!f) return { reply, operationId, resource };
    return {
      reply: errorBody(f.status, 'Server Error', REST_DOCS),
      operationId,
      fault: 'after-commit',
      resource,
    };
  }

  private isThisPull(op: Operation, params: Record<string, string>): boolean {
    if (params.owner !== undefined && params.owner.toLowerCase() !== this.owner.toLowerCase()) return false;
    if (params.repo !== undefined && params.repo.toLowerCase() !== this.repo.toLowerCase()) return false;
    const n = params.pull_number ?? params.issue_number;
    if (n !== undefined && Number(n) !== this.number) return false;
    return op.operationId.length > 0;
  }

  /** per_page/page slicing plus a GitHub-style Link header. */
  private paginate<T>(ctx: Ctx, items: T[]): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Math.max(Number(ctx.query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(ctx.query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams(ctx.query);
      q.set('per_page', String(perPage));
      q.set('page', String(p));
      return `<${this.baseUrl}${ctx.pathname}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  }

  private now(): string {
    return iso(this.opts.clock());
  }

  private nextId(): number {
    return ++this.seq;
  }

  // ---------------------------------------------------------------- comments model

  private publishedComments(): ReviewCommentRecord[] {
    const pending = new Set(this.state.reviews.filter((r) => r.state === 'PENDING').map((r) => r.id));
    return this.state.reviewComments.filter((c) => !pending.has(c.pull_request_review_id));
  }

  threads(): Array<{ record: ThreadRecord; comments: ReviewCommentRecord[] }> {
    const published = this.publishedComments();
    const out: Array<{ record: ThreadRecord; comments: ReviewCommentRecord[] }> = [];
    for (const record of this.state.threads) {
      const comments = published.filter(
        (c) => c.id === record.root_comment_id || c.in_reply_to_id === record.root_comment_id,
      );
      if (comments.length) out.push({ record, comments });
    }
    return out;
  }

  setResolved(threadId: string, resolved: boolean): ThreadRecord | undefined {
    const t = this.state.threads.find((x) => x.id === threadId);
    if (!t) return undefined;
    t.isResolved = resolved;
    t.resolvedBy = resolved ? this.viewerLogin : null;
    return t;
  }

  setMinimized(subjectId: string, classifier: string | undefined): boolean {
    const rc = this.state.reviewComments.find((c) => c.node_id === subjectId);
    const ic = this.state.issueComments.find((c) => c.node_id === subjectId);
    const target = rc ?? ic;
    if (!target) return false;
    this.state.minimized = this.state.minimized.filter((m) => m.subjectId !== subjectId);
    if (classifier) {
      this.state.minimized.push({
        subjectId,
        kind: rc ? 'review_comment' : 'issue_comment',
        commentId: target.id,
        classifier,
      });
    }
    return true;
  }

  minimizedReason(nodeIdValue: string): string | undefined {
    const m = this.state.minimized.find((x) => x.subjectId === nodeIdValue);
    // GraphQL reports the reason lower-case and dashed (OFF_TOPIC -> off-topic).
    return m ? m.classifier.toLowerCase().replace(/_/g, '-') : undefined;
  }

  private fileIn(version: Version, path: string): FileState | undefined {
    return version.files.find((f) => f.entry.filename === path);
  }

  /** GitHub's location rules for a review comment (github-api.md §1.5), against the commit it names. */
  private resolveAnchor(version: Version, c: CommentInput): Anchor | AnchorFailure {
    const file = this.fileIn(version, c.path);
    if (!file) return { kind: 'path' };
    let line = c.line;
    let side: string = c.side ?? 'RIGHT';
    if (c.position !== undefined && line === undefined) {
      const a = anchorAtPosition(file.hunks, c.position);
      if (!a) return { kind: 'unresolvable' };
      line = a.line;
      side = a.side;
    }
    if (line === undefined) return { kind: 'unresolvable' };
    if (side !== 'LEFT' && side !== 'RIGHT') return { kind: 'side' };
    const startSide = c.start_side ?? side;
    if (c.start_line !== undefined && startSide !== 'LEFT' && startSide !== 'RIGHT') return { kind: 'side' };
    const maxLine = side === 'RIGHT' ? file.newLines : file.oldLines;
    if (line < 1 || line > maxLine) return { kind: 'unresolvable' };
    const range = c.start_line !== undefined;
    if (range && (c.start_line ?? 0) >= line) return { kind: 'precede' };
    const hunkIndex = hunkIndexOf(file.hunks, line, side);
    if (hunkIndex < 0) return { kind: 'not-in-diff', range };
    if (range) {
      const hunk = file.hunks[hunkIndex];
      const startSet = startSide === 'RIGHT' ? hunk?.right : hunk?.left;
      if (!startSet?.has(c.start_line ?? 0)) return { kind: 'start-hunk' };
    }
    return {
      path: c.path,
      line,
      side,
      start_line: range ? (c.start_line ?? null) : null,
      start_side: range ? (startSide as Side) : null,
      position: positionOf(file.hunks, line, side) ?? 0,
      diff_hunk: diffHunkFor(file.hunks, line, side),
    };
  }

  private newReview(user: UserJson, body: string, state: ReviewState, commitId: string): ReviewRecord {
    const id = this.nextId();
    const review: ReviewRecord = {
      id,
      node_id: nodeId('PRR', id),
      user,
      body,
      state,
      commit_id: commitId,
      submitted_at: state === 'PENDING' ? null : this.now(),
      comment_ids: [],
    };
    this.state.reviews.push(review);
    return review;
  }

  private newComment(
    review: ReviewRecord,
    user: UserJson,
    body: string,
    where: Anchor | { path: string; file: true },
    replyTo: ReviewCommentRecord | undefined,
  ): ReviewCommentRecord {
    const id = this.nextId();
    const now = this.now();
    const anchor = 'file' in where ? undefined : where;
    const comment: ReviewCommentRecord = {
      id,
      node_id: nodeId('PRRC', id),
      pull_request_review_id: review.id,
      in_reply_to_id: null,
      path: where.path,
      line: anchor?.line ?? null,
      side: anchor?.side ?? 'RIGHT',
      start_line: anchor?.start_line ?? null,
      start_side: anchor?.start_side ?? null,
      original_line: anchor?.line ?? null,
      original_start_line: anchor?.start_line ?? null,
      position: anchor ? anchor.position : null,
      original_position: anchor ? anchor.position : null,
      subject_type: anchor ? 'line' : 'file',
      body,
      user,
      commit_id: review.commit_id,
      original_commit_id: review.commit_id,
      diff_hunk: anchor?.diff_hunk ?? '',
      created_at: now,
      updated_at: now,
    };
    if (replyTo) {
      // Replies join the thread of the root comment and share its location.
      const root =
        replyTo.in_reply_to_id === null
          ? replyTo
          : (this.state.reviewComments.find((c) => c.id === replyTo.in_reply_to_id) ?? replyTo);
      Object.assign(comment, {
        in_reply_to_id: root.id,
        path: root.path,
        line: root.line,
        side: root.side,
        start_line: root.start_line,
        start_side: root.start_side,
        original_line: root.original_line,
        original_start_line: root.original_start_line,
        position: root.position,
        original_position: root.original_position,
        subject_type: root.subject_type,
        commit_id: root.commit_id,
        original_commit_id: root.original_commit_id,
        diff_hunk: root.diff_hunk,
      });
    } else {
      this.state.threads.push({
        id: nodeId('PRRT', id),
        root_comment_id: id,
        isResolved: false,
        resolvedBy: null,
      });
    }
    review.comment_ids.push(id);
    this.state.reviewComments.push(comment);
    return comment;
  }

  addReply(commentId: number, body: string, user = 'octocat'): ReviewCommentRecord {
    const target = this.state.reviewComments.find((c) => c.id === commentId);
    if (!target) throw new Error(`no review comment ${commentId}`);
    const human = this.userJson(user);
    const review = this.newReview(human, '', 'COMMENTED', this.headSha);
    return this.newComment(review, human, body, { path: target.path, file: true }, target);
  }

  addIssueComment(body: string, user = 'octocat'): IssueCommentRecord {
    const id = this.nextId();
    const now = this.now();
    const c: IssueCommentRecord = {
      id,
      node_id: nodeId('IC', id),
      body,
      user: this.userJson(user),
      created_at: now,
      updated_at: now,
    };
    this.state.issueComments.push(c);
    return c;
  }

  private findComment(ctx: Ctx): ReviewCommentRecord | undefined {
    const id = Number(ctx.params.comment_id);
    return this.state.reviewComments.find((c) => c.id === id);
  }

  private findReview(ctx: Ctx): ReviewRecord | undefined {
    const id = Number(ctx.params.review_id);
    return this.state.reviews.find((r) => r.id === id);
  }

  private sortAndFilter<T extends { id: number; created_at: string; updated_at: string }>(
    ctx: Ctx,
    items: T[],
  ): T[] {
    const since = ctx.query.get('since');
    let out = since ? items.filter((c) => Date.parse(c.updated_at) >= Date.parse(since)) : [...items];
    const sort = ctx.query.get('sort');
    if (sort === 'created' || sort === 'updated') {
      const key = sort === 'created' ? 'created_at' : 'updated_at';
      const dir = ctx.query.get('direction') === 'desc' ? -1 : 1;
      out = out.sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : (a.id - b.id) * dir));
    } else {
      out = out.sort((a, b) => a.id - b.id);
    }
    return out;
  }

  private commentBodyOk(ctx: Ctx, body: string, resource: string): Reply | undefined {
    return charLength(body) > BODY_LIMIT ? tooLong(resource, ctx.op.docUrl) : undefined;
  }

  // ---------------------------------------------------------------- handlers

  private readonly handlers: Record<string, (ctx: Ctx) => Reply> = {
    'pulls/get': (ctx) => {
      if (/\bdiff\b/.test(ctx.accept)) {
        if (this.current.files.length > FILES_DIFF_LIMIT) {
          // Verbatim from reviewdog#2150 (github-api.md §1.1).
          return {
            status: 406,
            body: {
              message: `Sorry, the diff exceeded the maximum number of files (${FILES_DIFF_LIMIT}). Consider using 'List pull requests files' API or locally cloning the repository instead.`,
              errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
              documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
              status: '406',
            },
          };
        }
        return {
          status: 200,
          text: this.unifiedDiff(),
          contentType: 'application/vnd.github.diff; charset=utf-8',
        };
      }
      return { status: 200, body: this.pullJson() };
    },

    'pulls/list-files': (ctx) => {
      // "Responses include a maximum of 3000 files."
      const version = this.current;
      const listed = version.files
        .slice(0, this.opts.maxListedFiles)
        .map((f) => this.entryJson(f.entry, version));
      const { items, headers } = this.paginate(ctx, listed);
      return { status: 200, body: items, headers };
    },

    'repos/get-content': (ctx) => {
      const ref = ctx.query.get('ref');
      const tree = this.treeAt(ref);
      if (!tree) return errorBody(404, `No commit found for the ref ${ref ?? ''}`, ctx.op.docUrl);
      const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
      const content = tree[path];
      if (content === undefined) return errorBody(404, 'Not Found', ctx.op.docUrl);
      if (/\.raw\b|vnd\.github\.raw/.test(ctx.accept)) {
        return { status: 200, text: content, contentType: 'application/vnd.github.raw; charset=utf-8' };
      }
      const size = Buffer.byteLength(content, 'utf8');
      const sha = blobSha(content);
      if (size > CONTENTS_JSON_LIMIT) {
        // Files over 1 MB: only raw/object media types work (github-api.md §1.3); message unverified.
        return errorBody(
          403,
          'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
          ctx.op.docUrl,
          [{ resource: 'Blob', field: 'data', code: 'too_large' }],
        );
      }
      const refName = ref ?? this.fixture.baseRef ?? 'main';
      const self = `${this.repoApi}/contents/${encodePath(path)}?ref=${encodeURIComponent(refName)}`;
      const html = `${this.opts.serverUrl}/${this.owner}/${this.repo}/blob/${refName}/${encodePath(path)}`;
      const git = `${this.repoApi}/git/blobs/${sha}`;
      return {
        status: 200,
        body: {
          type: 'file',
          encoding: 'base64',
          size,
          name: path.split('/').pop() ?? path,
          path,
          content: base64Wrapped(content),
          sha,
          url: self,
          git_url: git,
          html_url: html,
          download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${refName}/${encodePath(path)}`,
          _links: { self, git, html },
        },
      };
    },

    'git/get-blob': (ctx) => {
      const sha = ctx.params.file_sha ?? '';
      const content = this.blobs.get(sha);
      if (content === undefined) return errorBody(404, 'Not Found', ctx.op.docUrl);
      return {
        status: 200,
        body: {
          sha,
          node_id: nodeId('B', sha),
          size: Buffer.byteLength(content, 'utf8'),
          url: `${this.repoApi}/git/blobs/${sha}`,
          content: base64Wrapped(content),
          encoding: 'base64',
        },
      };
    },

    'pulls/list-reviews': (ctx) => {
      const { items, headers } = this.paginate(
        ctx,
        [...this.state.reviews].sort((a, b) => a.id - b.id),
      );
      return { status: 200, body: items.map((r) => this.reviewJson(r)), headers };
    },

    'pulls/get-review': (ctx) => {
      const r = this.findReview(ctx);
      return r ? { status: 200, body: this.reviewJson(r) } : errorBody(404, 'Not Found', ctx.op.docUrl);
    },

    'pulls/create-review': (ctx) => {
      const body = ctx.body as {
        commit_id?: string;
        body?: string;
        event?: string;
        comments?: CommentInput[];
      };
      const version = body.commit_id === undefined ? this.current : this.versionBySha.get(body.commit_id);
      if (!version) return errorBody(422, `No commit found for SHA: ${body.commit_id}`, ctx.op.docUrl); // wording unverified
      if (body.event === 'APPROVE' && ctx.user.type === 'Bot') {
        return unprocessable(['GitHub Actions is not permitted to approve pull requests.'], ctx.op.docUrl);
      }
      if (
        body.event === undefined &&
        this.state.reviews.some((r) => r.state === 'PENDING' && r.user.login === ctx.user.login)
      ) {
        return unprocessable(['User can only have one pending review per pull request'], ctx.op.docUrl);
      }
      if (charLength(body.body ?? '') > BODY_LIMIT) return tooLong('PullRequestReview', ctx.op.docUrl);
      // Every comment is checked first: one bad location fails the whole review, nothing is kept.
      const anchors: Anchor[] = [];
      const messages: string[] = [];
      for (const c of body.comments ?? []) {
        if (charLength(c.body) > BODY_LIMIT) return tooLong('PullRequestReviewComment', ctx.op.docUrl);
        const a = this.resolveAnchor(version, c);
        if ('kind' in a) messages.push(...reviewMessages(a));
        else anchors.push(a);
      }
      if (messages.length) return unprocessable(messages, ctx.op.docUrl);
      const state: ReviewState =
        body.event === undefined
          ? 'PENDING'
          : body.event === 'APPROVE'
            ? 'APPROVED'
            : body.event === 'REQUEST_CHANGES'
              ? 'CHANGES_REQUESTED'
              : 'COMMENTED';
      const review = this.newReview(ctx.user, body.body ?? '', state, version.sha);
      (body.comments ?? []).forEach((c, i) => {
        const a = anchors[i];
        if (a) this.newComment(review, ctx.user, c.body, a, undefined);
      });
      return { status: 200, body: this.reviewJson(review) };
    },

    'pulls/delete-pending-review': (ctx) => {
      const r = this.findReview(ctx);
      if (!r) return errorBody(404, 'Not Found', ctx.op.docUrl);
      if (r.state !== 'PENDING')
        return unprocessable(['Can not delete a non-pending pull request review'], ctx.op.docUrl); // unverified
      this.state.reviews = this.state.reviews.filter((x) => x !== r);
      this.state.reviewComments = this.state.reviewComments.filter((c) => c.pull_request_review_id !== r.id);
      return { status: 200, body: this.reviewJson(r) };
    },

    'pulls/submit-review': (ctx) => {
      const r = this.findReview(ctx);
      if (!r) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const body = ctx.body as { body?: string; event: string };
      if (r.state !== 'PENDING') return unprocessable(['Can not submit a non-pending review'], ctx.op.docUrl); // unverified
      if (body.event === 'APPROVE' && ctx.user.type === 'Bot') {
        return unprocessable(['GitHub Actions is not permitted to approve pull requests.'], ctx.op.docUrl);
      }
      r.state =
        body.event === 'APPROVE'
          ? 'APPROVED'
          : body.event === 'REQUEST_CHANGES'
            ? 'CHANGES_REQUESTED'
            : 'COMMENTED';
      if (body.body !== undefined) r.body = body.body;
      r.submitted_at = this.now();
      return { status: 200, body: this.reviewJson(r) };
    },

    'pulls/list-comments-for-review': (ctx) => {
      const r = this.findReview(ctx);
      if (!r) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const list = this.state.reviewComments.filter((c) => c.pull_request_review_id === r.id);
      const { items, headers } = this.paginate(ctx, list);
      return { status: 200, body: items.map((c) => this.reviewCommentJson(c)), headers };
    },

    'pulls/list-review-comments': (ctx) => {
      const list = this.sortAndFilter(ctx, this.publishedComments());
      const { items, headers } = this.paginate(ctx, list);
      return { status: 200, body: items.map((c) => this.reviewCommentJson(c)), headers };
    },

    'pulls/create-review-comment': (ctx) => {
      const body = ctx.body as CommentInput & {
        commit_id: string;
        in_reply_to?: number;
        subject_type?: string;
      };
      const tooLongReply = this.commentBodyOk(ctx, body.body, 'PullRequestReviewComment');
      if (tooLongReply) return tooLongReply;
      if (body.in_reply_to !== undefined) {
        // "When specified, all parameters other than body in the request body are ignored."
        const target = this.publishedComments().find((c) => c.id === body.in_reply_to);
        if (!target) return errorBody(404, 'Not Found', ctx.op.docUrl);
        const review = this.newReview(ctx.user, '', 'COMMENTED', this.headSha);
        return {
          status: 201,
          body: this.reviewCommentJson(
            this.newComment(review, ctx.user, body.body, { path: target.path, file: true }, target),
          ),
        };
      }
      const version = this.versionBySha.get(body.commit_id);
      if (!version) return errorBody(422, `No commit found for SHA: ${body.commit_id}`, ctx.op.docUrl); // wording unverified
      if (body.subject_type === 'file') {
        if (!this.fileIn(version, body.path))
          return unprocessable(['Path could not be resolved'], ctx.op.docUrl);
        const review = this.newReview(ctx.user, '', 'COMMENTED', version.sha);
        const c = this.newComment(review, ctx.user, body.body, { path: body.path, file: true }, undefined);
        return { status: 201, body: this.reviewCommentJson(c) };
      }
      const a = this.resolveAnchor(version, body);
      if ('kind' in a) return singleCommentFailure(a, ctx.op.docUrl);
      const review = this.newReview(ctx.user, '', 'COMMENTED', version.sha);
      return {
        status: 201,
        body: this.reviewCommentJson(this.newComment(review, ctx.user, body.body, a, undefined)),
      };
    },

    'pulls/create-reply-for-review-comment': (ctx) => {
      const body = ctx.body as { body: string };
      const target = this.findComment(ctx);
      if (!target) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const tooLongReply = this.commentBodyOk(ctx, body.body, 'PullRequestReviewComment');
      if (tooLongReply) return tooLongReply;
      const review = this.newReview(ctx.user, '', 'COMMENTED', this.headSha);
      const c = this.newComment(review, ctx.user, body.body, { path: target.path, file: true }, target);
      return { status: 201, body: this.reviewCommentJson(c) };
    },

    'pulls/get-review-comment': (ctx) => {
      const c = this.findComment(ctx);
      return c
        ? { status: 200, body: this.reviewCommentJson(c) }
        : errorBody(404, 'Not Found', ctx.op.docUrl);
    },

    'pulls/update-review-comment': (ctx) => {
      const c = this.findComment(ctx);
      if (!c) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const body = ctx.body as { body: string };
      const tooLongReply = this.commentBodyOk(ctx, body.body, 'PullRequestReviewComment');
      if (tooLongReply) return tooLongReply;
      c.body = body.body;
      c.updated_at = this.now();
      return { status: 200, body: this.reviewCommentJson(c) };
    },

    'pulls/delete-review-comment': (ctx) => {
      const c = this.findComment(ctx);
      if (!c) return errorBody(404, 'Not Found', ctx.op.docUrl);
      this.state.reviewComments = this.state.reviewComments.filter((x) => x !== c);
      this.state.deletedReviewCommentIds.push(c.id);
      // A thread lives as long as one of its comments does.
      this.state.threads = this.state.threads.filter((t) =>
        this.state.reviewComments.some(
          (x) => x.id === t.root_comment_id || x.in_reply_to_id === t.root_comment_id,
        ),
      );
      return { status: 204 };
    },

    'issues/list-comments': (ctx) => {
      const list = this.sortAndFilter(ctx, this.state.issueComments);
      const { items, headers } = this.paginate(ctx, list);
      return { status: 200, body: items.map((c) => this.issueCommentJson(c)), headers };
    },

    'issues/create-comment': (ctx) => {
      const body = ctx.body as { body: string };
      const tooLongReply = this.commentBodyOk(ctx, body.body, 'IssueComment');
      if (tooLongReply) return tooLongReply;
      const id = this.nextId();
      const now = this.now();
      const c: IssueCommentRecord = {
        id,
        node_id: nodeId('IC', id),
        body: body.body,
        user: ctx.user,
        created_at: now,
        updated_at: now,
      };
      this.state.issueComments.push(c);
      return { status: 201, body: this.issueCommentJson(c) };
    },

    'issues/get-comment': (ctx) => {
      const c = this.state.issueComments.find((x) => x.id === Number(ctx.params.comment_id));
      return c ? { status: 200, body: this.issueCommentJson(c) } : errorBody(404, 'Not Found', ctx.op.docUrl);
    },

    'issues/update-comment': (ctx) => {
      const c = this.state.issueComments.find((x) => x.id === Number(ctx.params.comment_id));
      if (!c) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const body = ctx.body as { body: string };
      const tooLongReply = this.commentBodyOk(ctx, body.body, 'IssueComment');
      if (tooLongReply) return tooLongReply;
      c.body = body.body;
      c.updated_at = this.now();
      return { status: 200, body: this.issueCommentJson(c) };
    },

    'issues/delete-comment': (ctx) => {
      const c = this.state.issueComments.find((x) => x.id === Number(ctx.params.comment_id));
      if (!c) return errorBody(404, 'Not Found', ctx.op.docUrl);
      this.state.issueComments = this.state.issueComments.filter((x) => x !== c);
      this.state.deletedIssueCommentIds.push(c.id);
      return { status: 204 };
    },

    'checks/create': (ctx) => {
      const body = ctx.body as CheckRunBody & { name: string; head_sha: string };
      const known = body.head_sha === this.baseSha || this.versionBySha.has(body.head_sha);
      if (!known) return errorBody(422, `No commit found for SHA: ${body.head_sha}`, ctx.op.docUrl);
      const id = this.nextId();
      const run: CheckRunRecord = {
        id,
        node_id: nodeId('CR', id),
        name: body.name,
        head_sha: body.head_sha,
        status: 'queued',
        conclusion: null,
        started_at: body.started_at ?? this.now(),
        completed_at: null,
        details_url: null,
        external_id: null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        updates: 0,
      };
      const problem = this.applyCheckRun(run, body);
      if (problem) return errorBody(422, problem, ctx.op.docUrl);
      this.state.checkRuns.push(run);
      return { status: 201, body: this.checkRunJson(run) };
    },

    'checks/get': (ctx) => {
      const run = this.state.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
      return run ? { status: 200, body: this.checkRunJson(run) } : errorBody(404, 'Not Found', ctx.op.docUrl);
    },

    'checks/update': (ctx) => {
      const run = this.state.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
      if (!run) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const problem = this.applyCheckRun(run, ctx.body as CheckRunBody);
      if (problem) return errorBody(422, problem, ctx.op.docUrl);
      run.updates++;
      return { status: 200, body: this.checkRunJson(run) };
    },

    'checks/list-annotations': (ctx) => {
      const run = this.state.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
      if (!run) return errorBody(404, 'Not Found', ctx.op.docUrl);
      const { items, headers } = this.paginate(ctx, run.annotations);
      return { status: 200, body: items.map((a) => this.annotationJson(a, run)), headers };
    },

    'checks/list-for-ref': (ctx) => {
      const ref = ctx.params.ref ?? '';
      const sha =
        ref === (this.fixture.headRef ?? 'feature')
          ? this.headSha
          : ref === (this.fixture.baseRef ?? 'main')
            ? this.baseSha
            : ref;
      const name = ctx.query.get('check_name');
      const status = ctx.query.get('status');
      const runs = this.state.checkRuns.filter(
        (r) => r.head_sha === sha && (!name || r.name === name) && (!status || r.status === status),
      );
      const { items, headers } = this.paginate(ctx, runs);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: items.map((r) => this.checkRunJson(r)) },
        headers,
      };
    },

    'users/get-authenticated': () => ({ status: 200, body: this.botUser }),
  };

  /** Applies a create/update body; annotations accumulate across requests (github-api.md §1.9). */
  private applyCheckRun(run: CheckRunRecord, body: CheckRunBody): string | undefined {
    if (body.status === 'completed' && body.conclusion === undefined && run.conclusion === null) {
      return 'Invalid request.\n\n"conclusion" wasn\'t supplied.';
    }
    if (body.name !== undefined) run.name = body.name;
    if (body.details_url !== undefined) run.details_url = body.details_url;
    if (body.external_id !== undefined) run.external_id = body.external_id;
    if (body.started_at !== undefined) run.started_at = body.started_at;
    if (body.status !== undefined) run.status = body.status;
    if (body.conclusion !== undefined) {
      // "Providing conclusion will automatically set the status parameter to completed."
      run.conclusion = body.conclusion;
      run.status = 'completed';
    }
    if (body.completed_at !== undefined) run.completed_at = body.completed_at;
    if (run.status === 'completed' && run.completed_at === null) run.completed_at = this.now();
    if (body.output) {
      if (body.output.title !== undefined) run.output.title = body.output.title;
      if (body.output.summary !== undefined) run.output.summary = body.output.summary;
      if (body.output.text !== undefined) run.output.text = body.output.text;
      for (const a of body.output.annotations ?? []) {
        run.annotations.push({
          path: a.path,
          start_line: a.start_line,
          end_line: a.end_line,
          start_column: a.start_column ?? null,
          end_column: a.end_column ?? null,
          annotation_level: a.annotation_level,
          message: a.message,
          title: a.title ?? null,
          raw_details: a.raw_details ?? null,
        });
      }
    }
    return undefined;
  }

  private unifiedDiff(): string {
    return this.current.files
      .map((f) => {
        const from = f.entry.status === 'added' ? '/dev/null' : `a/${f.oldPath}`;
        const to = f.entry.status === 'removed' ? '/dev/null' : `b/${f.entry.filename}`;
        const head = [`diff --git a/${f.oldPath} b/${f.entry.filename}`];
        if (f.entry.status === 'added') head.push('new file mode 100644');
        if (f.entry.status === 'removed') head.push('deleted file mode 100644');
        if (f.entry.status === 'renamed')
          head.push(`rename from ${f.oldPath}`, `rename to ${f.entry.filename}`);
        if (!f.entry.patch) return `${head.join('\n')}\n`;
        return `${head.join('\n')}\n--- ${from}\n+++ ${to}\n${f.entry.patch}\n`;
      })
      .join('');
  }
}

interface CheckRunBody {
  name?: string;
  details_url?: string;
  external_id?: string;
  started_at?: string;
  status?: string;
  conclusion?: string;
  completed_at?: string;
  output?: {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: Array<{
      path: string;
      start_line: number;
      end_line: number;
      start_column?: number;
      end_column?: number;
      annotation_level: AnnotationRecord['annotation_level'];
      message: string;
      title?: string;
      raw_details?: string;
    }>;
  };
}
