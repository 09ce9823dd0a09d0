// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/pip-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'requirements file (official python image pattern)',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'version specifiers',
      code: 'FROM python:3\nRUN pip install "flask==3.0.2" "gunicorn>=21,<22" \'requests~=2.31\' numpy!=1.26.0',
    },
    {
      name: 'a constraints file pins everything',
      code: 'FROM python:3\nRUN pip install -c constraints.txt flask gunicorn',
    },
    {
      name: 'PIP_CONSTRAINT in the environment',
      code: 'FROM python:3\nENV PIP_CONSTRAINT=/constraints.txt\nRUN pip install flask',
    },
    {
      name: 'the local project and editable installs',
      code: 'FROM python:3\nRUN pip install . && pip install -e ".[dev]" && pip install ./vendor/pkg .[test]',
    },
    {
      name: 'wheels, sdists and VCS refs',
      code: 'FROM python:3\nRUN pip install /tmp/app-1.0-py3-none-any.whl dist/app-1.0.tar.gz git+https://github.com/org/repo.git@v1.2.0#egg=repo',
    },
    {
      name: 'values of --index-url and --target are not packages',
      code: 'FROM python:3\nRUN pip install --index-url https://pypi.example.com/simple --target /opt/lib flask==3.0.2',
    },
    {
      name: 'a version in a variable',
      code: 'FROM python:3\nARG FLASK_VERSION=3.0.2\nRUN python -m pip install "flask==${FLASK_VERSION}"',
    },
    {
      name: 'pipx, pipenv and uv are other tools',
      code: 'FROM python:3\nRUN pipx install black && pipenv install requests && uv pip install flask',
    },
    {
      name: 'pip download and pip uninstall',
      code: 'FROM python:3\nRUN pip download flask && pip uninstall -y flask',
    },
  ],
  invalid: [
    {
      name: 'hadolint DL3013',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
      errors: [{ line: 2, message: '`flask`', fix: 'none' }],
    },
    {
      name: 'upgrading pip itself, through python -m pip',
      code: 'FROM python:3.12\nRUN python3 -m pip install --upgrade pip setuptools wheel',
      errors: [{ line: 2, message: '`pip`, `setuptools` and `wheel`' }],
    },
    {
      name: 'packages next to a requirements file are still checked (hadolint skips the command)',
      code: 'FROM python:3\nRUN pip install --no-cache-dir -r requirements.txt \\\n    gunicorn',
      errors: [{ line: 2, endLine: 3, message: '`gunicorn`' }],
    },
    {
      name: 'a VCS URL without a ref; pip3.11 with a global option first',
      code: 'FROM python:3.11\nRUN pip3.11 --disable-pip-version-check install git+https://github.com/org/repo.git',
      errors: [{ line: 2, message: 'git+https://github.com/org/repo.git' }],
    },
    {
      name: 'heredoc RUN, sh -c and ONBUILD RUN',
      code: 'FROM python:3 AS base\nRUN <<EOF\npip install requests\nEOF\nRUN sh -c "pip install httpx"\nONBUILD RUN pip install uvicorn',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }, { line: 6 }],
    },
    {
      name: 'a constraints file set after the RUN does not count',
      code: 'FROM python:3\nRUN pip install flask\nENV PIP_CONSTRAINT=/constraints.txt',
      errors: [{ line: 2 }],
    },
  ],
});
