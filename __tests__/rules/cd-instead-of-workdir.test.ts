import rule from '../../src/rules/cd-instead-of-workdir.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /app\nRUN make',
    {
      name: 'cd into what the RUN itself fetched (hadolint fires here)',
      code: 'FROM debian:12\nRUN git clone https://example.com/x.git && cd x && make install && cd .. && rm -rf x',
    },
    {
      name: 'a subshell keeps the cd to itself',
      code: 'FROM debian:12\nRUN (cd /src && make) && cp /src/app /usr/local/bin/',
    },
    { name: 'a subshell after set -e', code: 'FROM debian:12\nRUN set -e; (cd /src && make)' },
    { name: 'a group', code: 'FROM debian:12\nRUN { cd /src && make; } > /log' },
    { name: 'inside sh -c', code: "FROM debian:12\nRUN sh -c 'cd /src && make'" },
    { name: 'a loop', code: 'FROM debian:12\nRUN for d in a b; do cd /src/$d && make; done' },
    {
      name: 'a directory made by mktemp',
      code: 'FROM debian:12\nRUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tgz',
    },
    {
      name: 'a shell variable WORKDIR cannot see',
      code: 'FROM debian:12\nRUN tmp=/tmp/build; cd "$tmp" && make',
    },
    { name: 'cd without a directory, cd -', code: 'FROM debian:12\nRUN cd && ls\nRUN cd - && ls' },
    { name: 'cd as a word', code: "FROM debian:12\nRUN echo 'cd /app'" },
  ],
  invalid: [
    {
      name: 'RUN starts with cd',
      code: 'FROM debian:12\nRUN cd /app && make',
      errors: [{ line: 2, message: '`WORKDIR /app`' }],
    },
    {
      name: 'cd alone has no effect',
      code: 'FROM debian:12\nRUN cd /app\nRUN make',
      errors: [{ line: 2, message: 'has no effect' }],
    },
    {
      name: 'after mkdir and set, with continuation lines',
      code: 'FROM debian:12\nRUN set -eux; \\\n    mkdir -p /src; \\\n    cd /src; \\\n    make',
      errors: [{ line: 2, endLine: 4 }],
    },
    {
      name: 'an ARG directory: WORKDIR expands it too',
      code: 'FROM debian:12\nARG APP_HOME=/opt/app\nRUN cd "$APP_HOME" && ./configure',
      errors: [{ line: 3, message: '`WORKDIR $APP_HOME`' }],
    },
    {
      name: 'heredoc body with a shebang',
      code: 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\ncd /src\nmake\nEOF',
      errors: [{ line: 2, endLine: 4 }],
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN cd /src && make',
      errors: [{ line: 2 }],
    },
    {
      name: 'exec form sh -c',
      code: 'FROM debian:12\nRUN ["sh", "-c", "cd /src && make"]',
      errors: [{ line: 2 }],
    },
  ],
});
