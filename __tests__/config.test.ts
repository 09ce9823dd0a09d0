import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, parseConfig } from '../src/config/config.js';
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
    });
  });

  it('an empty file means the defaults', () => {
    expect(parse('')).toEqual(DEFAULT_CONFIG);
  });

  it('names an unknown key and the accepted keys', () => {
    expect(error('rule:\n  exec-form: off\n')).toMatch(
      /unknown key `rule`; accepted keys: rules, ignore-paths, max-file-size, build-context/,
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
