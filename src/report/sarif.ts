/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and any other SARIF consumer.
 *
 * Every rule is listed in `tool.driver.rules`, with its doc as `helpUri` and `help`, whether or not it fired, so
 * code scanning can show rule help for any alert (hadolint's SARIF lists none: style-anchors.md §5). Each result
 * carries a `partialFingerprints` entry that ignores line numbers, so an alert survives lines moving, and the
 * rule's fix as SARIF `fixes`.
 */
import type * as Sarif from 'sarif';
import { DOCS_BASE_URL, docsUrl, type RuleMeta, type Severity } from '../engine/types.js';
import { FINGERPRINT_KEY, findingFingerprints } from './fingerprint.js';
import { type ReportedFile, TOOL_NAME, TOOL_VERSION } from './json.js';
import { escapeMarkdown } from './markdown.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The project's home: the repository the rule docs live in. */
export const INFORMATION_URI = DOCS_BASE_URL.slice(0, DOCS_BASE_URL.indexOf('/blob/'));

/**
 * GitHub code scanning rejects a run with more results than this ("SARIF support for code scanning", section
 * "Upload limits", docs.github.com: 25,000 results per run, of which the top 5,000 by severity are shown).
 */
export const SARIF_MAX_RESULTS_PER_RUN = 25_000;
/** Same source: at most 20 tags per rule; the rest would be dropped by GitHub, so we never send more. */
export const SARIF_MAX_TAGS_PER_RULE = 20;

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface SarifOptions {
  /** Every rule (the registry, `allRules`): listed whether or not it fired. */
  readonly rules: readonly RuleMeta[];
  /** Problems outside any file's findings (a path that could not be read): tool execution notifications. */
  readonly problems?: readonly string[];
}

export function sarifReport(files: readonly ReportedFile[], options: SarifOptions): Sarif.Log {
  const rules = [...options.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // A finding of an id missing from the registry (a rule added without registering) still gets a descriptor.
  for (const file of files)
    for (const finding of file.findings)
      if (!ruleIndex.has(finding.ruleId)) {
        ruleIndex.set(finding.ruleId, rules.length);
        rules.push(unknownRule(finding.ruleId));
      }

  const entries = files.flatMap((file) => {
    const fingerprints = findingFingerprints(file);
    return file.findings.map((finding, index) => ({ file, finding, fingerprint: fingerprints[index] }));
  });
  const notifications = (options.problems ?? []).map(
    (text): Sarif.Notification => ({ level: 'error', message: { text } }),
  );
  let kept = entries;
  if (entries.length > SARIF_MAX_RESULTS_PER_RUN) {
    // Keep the most severe, as GitHub would show them; say what was left out rather than fail the upload.
    kept = [...entries]
      .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity])
      .slice(0, SARIF_MAX_RESULTS_PER_RUN);
    notifications.push({
      level: 'warning',
      message: {
        text: `${entries.length - kept.length} of ${entries.length} findings were left out: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS_PER_RUN} results per run.`,
      },
    });
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: (options.problems ?? []).length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        // Our columns count UTF-16 code units (JavaScript string offsets); say so rather than rely on the default.
        columnKind: 'utf16CodeUnits',
        results: kept.map(({ file, finding, fingerprint }) => {
          const uri = artifactUri(file.path);
          const result: Sarif.Result = {
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVEL[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri },
                  region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn,
                  },
                },
              },
            ],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
          };
          if (finding.fix) {
            result.fixes = [
              {
                description: { text: fixDescription(finding.fix.title, finding.fix.safety) },
                artifactChanges: [
                  {
                    artifactLocation: { uri },
                    replacements: finding.fix.edits.map((edit) => ({
                      deletedRegion: {
                        startLine: edit.line,
                        startColumn: edit.column,
                        endLine: edit.endLine,
                        endColumn: edit.endColumn,
                      },
                      insertedContent: { text: edit.text },
                    })),
                  },
                ],
                properties: { safety: finding.fix.safety },
              },
            ];
          }
          return result;
        }),
      },
    ],
  };
}

/** The log as the CLI writes it. */
export function formatSarifReport(files: readonly ReportedFile[], options: SarifOptions): string {
  return `${JSON.stringify(sarifReport(files, options), null, 2)}\n`;
}

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const refs = [...(rule.refs.hadolint ?? []), ...(rule.refs.buildkit ?? [])];
  const description = sentence(rule.description);
  const basis = rule.basis.length ? ` It enforces ${rule.basis.join('; ')}.` : '';
  const equivalents = refs.length ? `Equivalent checks: ${refs.join(', ')}.` : '';
  const fixNote = rule.fixable === 'sometimes' ? 'Can offer a fix (`dockerfile-review --fix`).' : '';
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${description}${basis}` },
    helpUri: docsUrl(rule.id),
    help: {
      text: [
        `${description}${basis}`,
        equivalents,
        fixNote.replaceAll('`', ''),
        `Documentation: ${docsUrl(rule.id)}`,
      ]
        .filter(Boolean)
        .join('\n'),
      markdown: [
        `**${escapeMarkdown(rule.id)}**: ${escapeMarkdown(description)}`,
        rule.basis.length ? `Enforces: ${rule.basis.map(escapeMarkdown).join('; ')}.` : '',
        refs.length ? `Equivalent checks: ${refs.map((ref) => `\`${ref}\``).join(', ')}.` : '',
        fixNote,
        `[Documentation](${docsUrl(rule.id)})`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabledByDefault !== false },
    properties: {
      tags: ['dockerfile', ...refs].slice(0, SARIF_MAX_TAGS_PER_RULE),
      refs: {
        ...(rule.refs.hadolint ? { hadolint: [...rule.refs.hadolint] } : {}),
        ...(rule.refs.buildkit ? { buildkit: [...rule.refs.buildkit] } : {}),
      },
    },
  };
}

function unknownRule(id: string): RuleMeta {
  return {
    id,
    severity: 'warning',
    description: `Rule ${id}`,
    refs: {},
    basis: [],
    fixable: 'never',
  };
}

function fixDescription(title: string, safety: 'safe' | 'unsafe'): string {
  return safety === 'safe'
    ? `${title} (safe fix, applied by --fix)`
    : `${title} (unsafe fix: it may change behaviour; applied only with --unsafe-fixes)`;
}

/**
 * A relative URI reference for a repository path: each segment percent-encoded, `/` kept, so a space or `#` in a
 * file name cannot turn into a fragment or an invalid URI. GitHub resolves it against the repository root.
 */
export function artifactUri(path: string): string {
  return path
    .replaceAll('\\', '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
