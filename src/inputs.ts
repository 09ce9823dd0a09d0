/** The only module that reads the action's inputs; each bad value is rejected naming the input and the accepted values. */
import * as core from '@actions/core';
import { FILTER_MODES, isFilterMode } from './diff/filter.js';
import { DEFAULT_DOCKERFILE_GLOBS } from './discover.js';
import { FAIL_ON_VALUES, type FailOn, type Settings } from './settings.js';

export class InputError extends Error {
  override name = 'InputError';
}

export function readSettings(): Settings {
  const files = core
    .getInput('files')
    .split(/[\n,]/)
    .map((glob) => glob.trim())
    .filter(Boolean);
  const failOn = core.getInput('fail-on') || 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on is "${failOn}"; accepted values: ${FAIL_ON_VALUES.join(', ')}`);
  }
  const filterMode = core.getInput('filter-mode') || 'added';
  if (!isFilterMode(filterMode)) {
    throw new InputError(`input filter-mode is "${filterMode}"; accepted values: ${FILTER_MODES.join(', ')}`);
  }
  const maxCommentsText = core.getInput('max-comments') || '30';
  const maxComments = Number(maxCommentsText);
  if (!Number.isInteger(maxComments) || maxComments < 0) {
    throw new InputError(`input max-comments is "${maxCommentsText}"; it must be a whole number, 0 or more`);
  }
  const settings: Settings = {
    token: core.getInput('github-token'),
    files: files.length > 0 ? files : DEFAULT_DOCKERFILE_GLOBS,
    configPath: core.getInput('config') || null,
    failOn: failOn as FailOn,
    filterMode,
    review: booleanInput('review', true),
    summaryComment: booleanInput('summary-comment', true),
    checkName: core.getInput('check-name'),
    suggestions: booleanInput('suggestions', true),
    sarifFile: core.getInput('sarif-file') || null,
    jsonFile: core.getInput('json-file') || null,
    maxComments,
  };
  // No core.setSecret(token): it prints `::add-mask::<token>` on stdout, and the runner already masks
  // `github.token` and every secret. Logged for debugging without the token.
  core.debug(`settings: ${JSON.stringify({ ...settings, token: settings.token ? '***' : '' })}`);
  return settings;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(value)) return true;
  if (['false', 'no', '0', 'off'].includes(value)) return false;
  throw new InputError(`input ${name} is "${value}"; accepted values: true, false`);
}
