import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCKERFILE_GLOBS,
  findDockerfiles,
  globMatcher,
  isDockerfilePath,
} from '../../src/discover.js';
import { project } from './run-cli.js';

describe('isDockerfilePath', () => {
  it.each([
    'Dockerfile',
    'app/Dockerfile',
    '.devcontainer/Dockerfile',
    'Dockerfile.prod',
    'docker/api.Dockerfile',
    'docker/api.dockerfile',
    'Containerfile',
    'Containerfile.fedora',
    'build/base.containerfile',
    'deep/.hidden/dir/Dockerfile',
    'app\\Dockerfile',
    './Dockerfile',
  ])('%s is a Dockerfile', (path) => {
    expect(isDockerfilePath(path)).toBe(true);
  });

  it.each([
    'README.md',
    'Dockerfiles/notes.txt',
    'MyDockerfile',
    'Dockerfile.dockerignore',
    'app.Dockerfile.dockerignore',
    'docker-compose.yml',
    'Dockerfile/README',
  ])('%s is not', (path) => {
    expect(isDockerfilePath(path)).toBe(false);
  });

  it('takes other globs, with ! for exclusions', () => {
    expect(isDockerfilePath('ops/build', ['ops/*'])).toBe(true);
    expect(isDockerfilePath('legacy/Dockerfile', [...DEFAULT_DOCKERFILE_GLOBS, '!legacy/**'])).toBe(false);
    expect(isDockerfilePath('app/Dockerfile', [...DEFAULT_DOCKERFILE_GLOBS, '!legacy/**'])).toBe(true);
    expect(globMatcher([])('Dockerfile')).toBe(false);
  });
});

describe('findDockerfiles', () => {
  it('walks everything but node_modules and .git, in sorted order, relative to the folder', () => {
    const root = project({
      'z/Dockerfile': 'FROM a\n',
      'a/b/Dockerfile.dev': 'FROM a\n',
      '.devcontainer/Dockerfile': 'FROM a\n',
      Dockerfile: 'FROM a\n',
      'Dockerfile.dockerignore': 'x\n',
      'node_modules/p/Dockerfile': 'FROM a\n',
      'a/node_modules/p/Dockerfile': 'FROM a\n',
      'notes.md': '',
    });
    expect(findDockerfiles(root)).toEqual([
      '.devcontainer/Dockerfile',
      'Dockerfile',
      'a/b/Dockerfile.dev',
      'z/Dockerfile',
    ]);
  });

  it('prunes ignored folders and drops ignored files', () => {
    const root = project({
      'vendor/x/Dockerfile': 'FROM a\n',
      'app/Dockerfile': 'FROM a\n',
      'app/Dockerfile.old': 'FROM a\n',
    });
    expect(findDockerfiles(root, DEFAULT_DOCKERFILE_GLOBS, ['vendor/**', '**/*.old'])).toEqual([
      'app/Dockerfile',
    ]);
    expect(findDockerfiles(root, DEFAULT_DOCKERFILE_GLOBS, ['vendor'])).toEqual([
      'app/Dockerfile',
      'app/Dockerfile.old',
    ]);
  });

  it('counts links to files, does not follow links to folders', () => {
    const root = project({ 'real/Dockerfile': 'FROM a\n' });
    symlinkSync(join(root, 'real'), join(root, 'linked'));
    symlinkSync(join(root, 'real/Dockerfile'), join(root, 'Dockerfile'));
    symlinkSync(join(root, 'nowhere'), join(root, 'Dockerfile.dangling'));
    symlinkSync(root, join(root, 'real/loop'));
    expect(findDockerfiles(root)).toEqual(['Dockerfile', 'real/Dockerfile']);
  });

  it('throws for a folder that cannot be read (the CLI reports it)', () => {
    expect(() => findDockerfiles(join(project(), 'missing'))).toThrow(/ENOENT/);
  });
});
