import { describe, expect, it } from 'vitest';
import { ConfigError, configPolicy, DEFAULT_CONFIG, parseConfig } from '../src/config/config.js';
import { NO_POLICY } from '../src/engine/types.js';
import { allRules } from '../src/rules/index.js';

const parse = (text: string) => parseConfig(text, '.dockerfile-review.yml', allRules);
const error = (text: string) => {
  try {
    parse(text);
  } catch (caught) {
    expect(caught).toBeInstanceOf(ConfigError);
    return (caught as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('config file', () => {
  it('reads every key', () => {
    expect(
      parse(
        'rules:\n  exec-form: error\n  unused-arg: off\nignore-paths: [vendor/**]\nmax-file-size: 2048\nbuild-context: docker\n',
      ),
    ).toEqual({
      rules: { 'exec-form': 'error', 'unused-arg': 'off' },
      ignorePaths: ['vendor/**'],
      maxFileSize: 2048,
      buildContext: 'docker',
      trustedRegistries: [],
      labelSchema: {},
      strictLabels: false,
    });
  });

  it('reads the policy keys and hands them to the engine', () => {
    const config = parse(
      [
        'trusted-registries:',
        '  - docker.io',
        '  - registry.example.com',
        '  - localhost:5000',
        '  - "*.corp.example"',
        '  - registry.example.*',
        '  - "[::1]:5000"',
        'label-schema:',
        '  org.opencontainers.image.source: url',
        '  org.opencontainers.image.created: rfc3339',
        '  org.opencontainers.image.licenses: spdx',
        '  org.opencontainers.image.revision: hash',
        '  org.opencontainers.image.version: semver',
        '  maintainer: email',
        '  org.opencontainers.image.title: text',
        'strict-labels: true',
      ].join('\n'),
    );
    expect(configPolicy(config)).toEqual({
      trustedRegistries: [
        'docker.io',
        'registry.example.com',
        'localhost:5000',
        '*.corp.example',
        'registry.example.*',
        '[::1]:5000',
      ],
      labelSchema: {
        'org.opencontainers.image.source': 'url',
        'org.opencontainers.image.created': 'rfc3339',
        'org.opencontainers.image.licenses': 'spdx',
        'org.opencontainers.image.revision': 'hash',
        'org.opencontainers.image.version': 'semver',
        maintainer: 'email',
        'org.opencontainers.image.title': 'text',
      },
      strictLabels: true,
    });
  });

  it('without the policy keys, nothing is configured', () => {
    expect(configPolicy(parse('rules:\n  exec-form: error\n'))).toEqual(NO_POLICY);
  });

  it('rejects a registry that is not a host name, naming the key and the value', () => {
    expect(error('trusted-registries: [gcr.io/acme]\n')).toMatch(
      /`trusted-registries.0` \(`gcr.io\/acme`\) is not a registry host name: write the registry as an image reference names it/,
    );
    expect(error('trusted-registries: ["https://ghcr.io"]\n')).toMatch(
      /`trusted-registries.0` \(`https:\/\/ghcr.io`\)/,
    );
    expect(error('trusted-registries: [ok.example, "a*b.example"]\n')).toMatch(
      /`trusted-registries.1` \(`a\*b.example`\) is not a registry host name/,
    );
    expect(error('trusted-registries: [""]\n')).toMatch(/`trusted-registries.0`/);
    expect(error('trusted-registries: ghcr.io\n')).toMatch(/`trusted-registries` must be an array/);
    expect(error('trusted-registries: [5000]\n')).toMatch(/`trusted-registries.0` must be a string/);
  });

  it("rejects a label type that is not one of hadolint's, naming the label", () => {
    expect(error('label-schema:\n  org.opencontainers.image.created: date\n')).toMatch(
      /`label-schema\["org.opencontainers.image.created"\]` must be one of text, url, hash, rfc3339, semver, spdx, email/,
    );
    expect(error('label-schema: [maintainer]\n')).toMatch(/`label-schema` must be an object/);
    expect(error('label-schema:\n  "": text\n')).toMatch(/`label-schema` has an empty label name/);
  });

  it('rejects a strict-labels that is not a boolean', () => {
    expect(error('strict-labels: yes please\n')).toMatch(/`strict-labels` must be a boolean/);
  });

  it("points hadolint's spellings to ours", () => {
    expect(error('trustedRegistries: [docker.io]\n')).toMatch(
      /unknown key `trustedRegistries` \(hadolint's spelling\): write `trusted-registries`/,
    );
    expect(error('labelSchema: {}\n')).toMatch(/write `label-schema`/);
  });

  it('an empty file means the defaults', () => {
    expect(parse('')).toEqual(DEFAULT_CONFIG);
  });

  it('names an unknown key and the accepted keys', () => {
    expect(error('rule:\n  exec-form: off\n')).toMatch(
      /unknown key `rule`; accepted keys: rules, ignore-paths, build-context, max-file-size, trusted-registries, label-schema, strict-labels/,
    );
  });

  it('names an unknown rule and suggests a close id', () => {
    expect(error('rules:\n  exec-forms: off\n')).toMatch(
      /unknown rule `exec-forms` under `rules` \(did you mean `exec-form`/,
    );
  });

  it('names a bad severity and the accepted values', () => {
    expect(error('rules:\n  exec-form: fatal\n')).toMatch(
      /`rules.exec-form` must be one of off, info, warning, error/,
    );
  });

  it('names wrong types and limits', () => {
    expect(error('ignore-paths: vendor\n')).toMatch(/`ignore-paths` must be an array/);
    expect(error('max-file-size: 0\n')).toMatch(/`max-file-size` must be at least 1/);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(error('rules: [\n')).toMatch(/^\.dockerfile-review\.yml: not valid YAML/);
  });
});
