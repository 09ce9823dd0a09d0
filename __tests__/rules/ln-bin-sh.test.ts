import rule from '../../src/rules/ln-bin-sh.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo hi',
    {
      name: '/bin/sh as the source (hadolint fires here)',
      code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh',
    },
    { name: 'another link', code: 'FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python' },
    { name: 'a single operand links into the current directory', code: 'FROM debian:12\nRUN ln -s /bin/sh' },
    { name: 'a word, not ln', code: 'FROM debian:12\nRUN echo ln -sf /bin/bash /bin/sh' },
    { name: 'target directory elsewhere', code: 'FROM debian:12\nRUN ln -s -t /opt/bin /bin/sh' },
  ],
  invalid: [
    {
      name: 'bash as /bin/sh',
      code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
      errors: [{ line: 2, message: 'SHELL ["/bin/bash", "-c"]' }],
    },
    {
      name: 'merged /usr path, relative target',
      code: 'FROM debian:12\nRUN ln -sf bash /usr/bin/sh',
      errors: [{ line: 2 }],
    },
    {
      name: 'target directory /bin',
      code: 'FROM debian:12\nRUN ln -sf -t /bin /usr/bin/sh',
      errors: [{ line: 2 }],
    },
    {
      name: 'continuation, ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN rm /bin/sh \\\n && ln -s /bin/bash /bin/sh',
      errors: [{ line: 2, endLine: 3 }],
    },
    { name: 'sh -c', code: "FROM debian:12\nRUN sh -c 'ln -sf /bin/bash /bin/sh'", errors: [{ line: 2 }] },
  ],
});
