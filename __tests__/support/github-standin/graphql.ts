/**
 * The few GraphQL operations a review bot needs for thread hygiene. This is deliberately not a
 * GraphQL engine: it recognises the root field by name, reads its arguments (literals or
 * `$variables`) and answers with every field listed in README.md regardless of the selection set.
 * Aliases and fragments are not supported. Unknown operations get a GraphQL error, never a guess.
 */
import type { ReviewCommentRecord, ThreadRecord } from './types.js';

export interface GraphqlBackend {
  owner: string;
  repo: string;
  number: number;
  pullRequestNodeId: string;
  headSha: string;
  viewerLogin: string;
  /** Threads whose root comment is published, with their live comments (root first). */
  threads(): Array<{ record: ThreadRecord; comments: ReviewCommentRecord[] }>;
  setResolved(threadId: string, resolved: boolean): ThreadRecord | undefined;
  /** Returns false when no comment has this node id. */
  setMinimized(subjectId: string, classifier: string | undefined): boolean;
  minimizedReason(nodeId: string): string | undefined;
  htmlUrlOfReviewComment(c: ReviewCommentRecord): string;
}

export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
}

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
type Args = Record<string, Value>;

interface GraphqlError {
  message: string;
  type?: string;
  path?: string[];
}

export interface GraphqlResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

const CLASSIFIERS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'OUTDATED', 'DUPLICATE', 'RESOLVED'];

/** Minimal GraphQL value parser for argument lists: literals, enums, lists, objects and $variables. */
class ArgParser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly vars: Record<string, unknown>,
  ) {}

  parseArgs(): Args {
    const out: Args = {};
    this.ws();
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      const name = this.name();
      this.ws();
      this.expect(':');
      out[name] = this.value();
      this.ws();
      if (this.src[this.i] === ',') this.i++;
      this.ws();
    }
    return out;
  }

  private value(): Value {
    this.ws();
    const c = this.src[this.i];
    if (c === '$') {
      this.i++;
      return toValue(this.vars[this.name()]);
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(this.src.slice(this.i));
      if (!m) throw new Error('unterminated string');
      this.i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    if (c === '{') {
      this.i++;
      const obj: Args = {};
      this.ws();
      while (this.src[this.i] !== '}') {
        const key = this.name();
        this.ws();
        this.expect(':');
        obj[key] = this.value();
        this.ws();
        if (this.src[this.i] === ',') this.i++;
        this.ws();
      }
      this.i++;
      return obj;
    }
    if (c === '[') {
      this.i++;
      const list: Value[] = [];
      this.ws();
      while (this.src[this.i] !== ']') {
        list.push(this.value());
        this.ws();
        if (this.src[this.i] === ',') this.i++;
        this.ws();
      }
      this.i++;
      return list;
    }
    const m = /^-?\d+(?:\.\d+)?/.exec(this.src.slice(this.i));
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    const word = this.name();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return word; // enum value, e.g. OUTDATED
  }

  private name(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.i));
    if (!m) throw new Error(`expected a name at ${this.i}`);
    this.i += m[0].length;
    return m[0];
  }

  private ws(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i] ?? '')) this.i++;
  }

  private expect(ch: string): void {
    if (this.src[this.i] !== ch) throw new Error(`expected '${ch}' at ${this.i}`);
    this.i++;
  }
}

function toValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (typeof v === 'object') {
    const out: Args = {};
    for (const [k, x] of Object.entries(v)) out[k] = toValue(x);
    return out;
  }
  return null;
}

/** Arguments of the first `field(...)` in the query, or undefined when the field is absent. */
function argsOf(query: string, field: string, vars: Record<string, unknown>): Args | undefined {
  // The lookbehind keeps `$repository` (a variable) from being taken for the `repository` field.
  const re = new RegExp(`(?<![$\\w])${field}\\b`);
  const m = re.exec(query);
  if (!m) return undefined;
  let i = m.index + m[0].length;
  while (/\s/.test(query[i] ?? '')) i++;
  if (query[i] !== '(') return {};
  return new ArgParser(query.slice(i + 1), vars).parseArgs();
}

function has(query: string, field: string): boolean {
  return new RegExp(`(?<![$\\w])${field}\\b`).test(query);
}

function num(v: Value | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

function str(v: Value | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function inputOf(args: Args | undefined): Args {
  const input = args?.input;
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
}

/** GraphQL shows bots without the "[bot]" suffix REST uses (`github-actions`, not `github-actions[bot]`). */
function graphqlLogin(login: string): string {
  return login.replace(/\[bot\]$/, '');
}

function cursor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

function fromCursor(c: string | undefined): number {
  if (!c) return -1;
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(c, 'base64').toString('utf8'));
  return m ? Number(m[1]) : -1;
}

function threadJson(
  b: GraphqlBackend,
  t: { record: ThreadRecord; comments: ReviewCommentRecord[] },
  commentsFirst: number,
): Record<string, unknown> {
  const root = t.comments[0];
  const nodes = t.comments.slice(0, commentsFirst).map((c) => {
    const reason = b.minimizedReason(c.node_id);
    return {
      __typename: 'PullRequestReviewComment',
      id: c.node_id,
      databaseId: c.id,
      fullDatabaseId: String(c.id),
      body: c.body,
      path: c.path,
      line: c.line,
      originalLine: c.original_line,
      startLine: c.start_line,
      outdated: c.line === null && c.subject_type === 'line',
      isMinimized: reason !== undefined,
      minimizedReason: reason ?? null,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      url: b.htmlUrlOfReviewComment(c),
      author: { __typename: c.user.type, login: graphqlLogin(c.user.login) },
      replyTo: c.in_reply_to_id === null ? null : { databaseId: c.in_reply_to_id },
      pullRequestReview: { databaseId: c.pull_request_review_id },
    };
  });
  return {
    __typename: 'PullRequestReviewThread',
    id: t.record.id,
    isResolved: t.record.isResolved,
    isOutdated: root ? root.subject_type === 'line' && root.line === null : false,
    isCollapsed: t.record.isResolved,
    path: root?.path ?? null,
    line: root?.line ?? null,
    originalLine: root?.original_line ?? null,
    startLine: root?.start_line ?? null,
    diffSide: root?.side ?? 'RIGHT',
    startDiffSide: root?.start_side ?? null,
    subjectType: root?.subject_type === 'file' ? 'FILE' : 'LINE',
    resolvedBy: t.record.resolvedBy ? { login: graphqlLogin(t.record.resolvedBy) } : null,
    viewerCanResolve: true,
    viewerCanUnresolve: true,
    comments: {
      totalCount: t.comments.length,
      pageInfo: { hasNextPage: t.comments.length > commentsFirst, endCursor: cursor(nodes.length - 1) },
      nodes,
    },
  };
}

export const SUPPORTED_GRAPHQL =
  'query { viewer { login } }, query repository(owner,name).pullRequest(number).reviewThreads(first,after), ' +
  'mutations resolveReviewThread, unresolveReviewThread, minimizeComment, unminimizeComment';

export function handleGraphql(b: GraphqlBackend, req: GraphqlRequest, writable: boolean): GraphqlResponse {
  const query = typeof req.query === 'string' ? req.query : '';
  const vars =
    typeof req.variables === 'object' && req.variables !== null
      ? (req.variables as Record<string, unknown>)
      : {};
  if (!query) return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  try {
    const isMutation = /^\s*(?:#[^\n]*\n\s*)*mutation\b/.test(query);
    return isMutation ? mutation(b, query, vars, writable) : read(b, query, vars);
  } catch (e) {
    return { errors: [{ message: `Parse error: ${(e as Error).message}` }] };
  }
}

function read(b: GraphqlBackend, query: string, vars: Record<string, unknown>): GraphqlResponse {
  const data: Record<string, unknown> = {};
  const errors: GraphqlError[] = [];
  if (has(query, 'viewer')) data.viewer = { login: b.viewerLogin };
  const repoArgs = argsOf(query, 'repository', vars);
  if (repoArgs) {
    const owner = str(repoArgs.owner) ?? '';
    const name = str(repoArgs.name) ?? '';
    if (owner.toLowerCase() !== b.owner.toLowerCase() || name.toLowerCase() !== b.repo.toLowerCase()) {
      data.repository = null;
      errors.push({
        type: 'NOT_FOUND',
        path: ['repository'],
        message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      });
    } else {
      const prArgs = argsOf(query, 'pullRequest', vars);
      const repository: Record<string, unknown> = { nameWithOwner: `${b.owner}/${b.repo}` };
      if (prArgs) {
        const n = num(prArgs.number, -1);
        if (n !== b.number) {
          repository.pullRequest = null;
          errors.push({
            type: 'NOT_FOUND',
            path: ['repository', 'pullRequest'],
            message: `Could not resolve to a PullRequest with the number of ${n}.`,
          });
        } else {
          const pr: Record<string, unknown> = {
            id: b.pullRequestNodeId,
            number: b.number,
            headRefOid: b.headSha,
          };
          const threadArgs = argsOf(query, 'reviewThreads', vars);
          if (threadArgs) {
            const all = b.threads();
            const first = Math.min(num(threadArgs.first ?? threadArgs.last, 100), 100);
            const start = fromCursor(str(threadArgs.after)) + 1;
            const page = all.slice(start, start + first);
            const commentArgs = argsOf(query.slice(query.search(/\breviewThreads\b/)), 'comments', vars);
            const commentsFirst = Math.min(num(commentArgs?.first, 100), 100);
            pr.reviewThreads = {
              totalCount: all.length,
              pageInfo: {
                hasNextPage: start + first < all.length,
                hasPreviousPage: start > 0,
                startCursor: page.length ? cursor(start) : null,
                endCursor: page.length ? cursor(start + page.length - 1) : null,
              },
              nodes: page.map((t) => threadJson(b, t, commentsFirst)),
            };
          }
          repository.pullRequest = pr;
        }
      }
      data.repository = repository;
    }
  }
  if (Object.keys(data).length === 0) {
    return {
      errors: [
        { message: `The stand-in does not support this GraphQL query. Supported: ${SUPPORTED_GRAPHQL}` },
      ],
    };
  }
  return errors.length ? { data, errors } : { data };
}

function mutation(
  b: GraphqlBackend,
  query: string,
  vars: Record<string, unknown>,
  writable: boolean,
): GraphqlResponse {
  const field = ['unresolveReviewThread', 'resolveReviewThread', 'unminimizeComment', 'minimizeComment'].find(
    (f) => has(query, f),
  );
  if (!field) {
    return {
      errors: [
        { message: `The stand-in does not support this GraphQL mutation. Supported: ${SUPPORTED_GRAPHQL}` },
      ],
    };
  }
  if (!writable) {
    // GraphQL reports permission problems in-band with HTTP 200, unlike REST's 403.
    return {
      data: { [field]: null },
      errors: [{ type: 'FORBIDDEN', path: [field], message: 'Resource not accessible by integration' }],
    };
  }
  const input = inputOf(argsOf(query, field, vars));
  const clientMutationId = str(input.clientMutationId) ?? null;
  if (field === 'resolveReviewThread' || field === 'unresolveReviewThread') {
    const threadId = str(input.threadId) ?? '';
    const record = b.setResolved(threadId, field === 'resolveReviewThread');
    const thread = record && b.threads().find((t) => t.record.id === record.id);
    if (!thread) {
      return {
        data: { [field]: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: [field],
            message: `Could not resolve to a node with the global id of '${threadId}'`,
          },
        ],
      };
    }
    return { data: { [field]: { clientMutationId, thread: threadJson(b, thread, 100) } } };
  }
  const subjectId = str(input.subjectId) ?? '';
  const classifier = str(input.classifier);
  if (field === 'minimizeComment' && (!classifier || !CLASSIFIERS.includes(classifier))) {
    return {
      errors: [
        {
          message: `Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (${classifier ?? 'null'}). Expected type 'ReportedContentClassifiers!'.`,
        },
      ],
    };
  }
  if (!b.setMinimized(subjectId, field === 'minimizeComment' ? classifier : undefined)) {
    return {
      data: { [field]: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: [field],
          message: `Could not resolve to a node with the global id of '${subjectId}'`,
        },
      ],
    };
  }
  const reason = b.minimizedReason(subjectId);
  return {
    data: {
      [field]: {
        clientMutationId,
        [field === 'minimizeComment' ? 'minimizedComment' : 'unminimizedComment']: {
          isMinimized: reason !== undefined,
          minimizedReason: reason ?? null,
          viewerCanMinimize: true,
        },
      },
    },
  };
}
