/** The action's lint options carry the config file's policy to the rules, as the CLI's do. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../src/config/config.js';
import { lintText } from '../src/engine/lint.js';
import { NO_POLICY } from '../src/engine/types.js';
import { lintOptions } from '../src/execute.js';
import { allRules } from '../src/rules/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const workspace = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-review-options-'));
  dirs.push(dir);
  return dir;
};

describe('action lint options', () => {
  it('no config file: nothing configured', () => {
    const dir = workspace();
    expect(lintOptions({ config: DEFAULT_CONFIG, contextDir: dir }, dir, 'Dockerfile').policy).toEqual(
      NO_POLICY,
    );
  });

  it('the config file policy reaches the rules', () => {
    const dir = workspace();
    const config = parseConfig(
      'trusted-registries: [registry.example.com]\nlabel-schema:\n  maintainer: email\n',
      '.dockerfile-review.yml',
      allRules,
    );
    const options = lintOptions({ config, contextDir: dir }, dir, 'app/Dockerfile');
    expect(options.policy).toEqual({
      trustedRegistries: ['registry.example.com'],
      labelSchema: { maintainer: 'email' },
      strictLabels: false,
    });
    const ids = lintText('FROM node:20\nLABEL maintainer="web team"\n', options).findings.map(
      (finding) => finding.ruleId,
    );
    expect(ids).toContain('untrusted-registry');
    expect(ids).toContain('label-value-format');
  });
});
