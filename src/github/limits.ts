/** GitHub platform limits, each with its source (see shared research github-api.md §2). */

/** Issue and PR comment bodies: 422 "Body is too long (maximum is 65536 characters)". */
export const COMMENT_BODY_MAX = 65_536;
/** Check run `output.summary` and `output.text`: maxLength 65535 in the OpenAPI description. */
export const CHECK_SUMMARY_MAX = 65_535;
/** Check run annotations per request: maxItems 50; each update appends. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotation title: 255 characters. */
export const ANNOTATION_TITLE_MAX = 255;
/** Job summary (GITHUB_STEP_SUMMARY): 1 MiB per step; larger uploads are aborted. */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024;
/** Workflow-command annotations shown per level per step ("10 error + 10 warning + 10 notice"). */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;
/**
 * File-level review comments per run: each is its own request and notification, so reviewdog caps them at 10
 * (`maxFileComments`, service/github/github.go); the rest stay in the summary.
 */
export const MAX_FILE_COMMENTS = 10;
