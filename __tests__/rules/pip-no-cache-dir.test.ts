import rule from '../../src/rules/pip-no-cache-dir.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'official python image pattern',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'an abbreviation optparse accepts',
      code: 'FROM python:3\nRUN pip install --no-cache -r requirements.txt',
    },
    {
      name: 'ENV in a parent stage',
      code: 'FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install -r requirements.txt',
    },
    {
      name: 'pip disables the cache for false values too',
      code: 'FROM python:3\nENV PIP_NO_CACHE_DIR=off\nRUN pip install -r requirements.txt',
    },
    {
      name: 'inline assignment and env',
      code: 'FROM python:3\nRUN PIP_NO_CACHE_DIR=1 pip install -r a.txt && env PIP_NO_CACHE_DIR=true pip install -r b.txt',
    },
    {
      name: 'cache mount on the pip cache',
      code: 'FROM python:3\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    },
    {
      name: 'the cache is purged later in the RUN',
      code: 'FROM python:3\nRUN pip install -r requirements.txt && pip cache purge',
    },
    {
      name: 'the cache is removed later in the RUN',
      code: 'FROM python:3\nRUN pip install -r requirements.txt \\\n && rm -rf /root/.cache/pip',
    },
    {
      name: 'a builder stage only copied from',
      code: 'FROM python:3 AS build\nRUN pip install --prefix=/install -r requirements.txt\nFROM python:3-slim\nCOPY --from=build /install /usr/local',
    },
    {
      name: 'pipx and pipenv keep their own caches',
      code: 'FROM python:3\nRUN pipx install poetry && pipenv install --system',
    },
    { name: 'options in a variable', code: 'FROM python:3\nRUN pip install $PIP_OPTS -r requirements.txt' },
  ],
  invalid: [
    {
      name: 'hadolint DL3042: safe fix adds --no-cache-dir after install',
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt',
      errors: [{ line: 2, fix: 'safe' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'ENV set after the RUN, and an empty value, do not count',
      code: 'FROM python:3\nENV PIP_NO_CACHE_DIR=\nRUN python -m pip install -r requirements.txt\nENV PIP_NO_CACHE_DIR=1',
      errors: [{ line: 3, fix: 'safe' }],
      output:
        'FROM python:3\nENV PIP_NO_CACHE_DIR=\nRUN python -m pip install --no-cache-dir -r requirements.txt\nENV PIP_NO_CACHE_DIR=1',
    },
    {
      name: 'multi-line RUN through sudo; a cache mount elsewhere does not help',
      code: 'FROM python:3\nRUN --mount=type=cache,target=/root/.npm \\\n    sudo pip3 install \\\n      -r requirements.txt',
      errors: [{ line: 2, endLine: 4 }],
      output:
        'FROM python:3\nRUN --mount=type=cache,target=/root/.npm \\\n    sudo pip3 install --no-cache-dir \\\n      -r requirements.txt',
    },
    {
      name: 'heredoc RUN and ONBUILD RUN',
      code: 'FROM python:3\nRUN <<EOF\npip install -r requirements.txt\nEOF\nONBUILD RUN pip install -r requirements.txt',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }],
      output:
        'FROM python:3\nRUN <<EOF\npip install --no-cache-dir -r requirements.txt\nEOF\nONBUILD RUN pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'sh -c script: no fix',
      code: 'FROM python:3\nRUN sh -c "pip install -r requirements.txt"',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
