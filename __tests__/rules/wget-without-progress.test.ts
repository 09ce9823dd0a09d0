import rule from '../../src/rules/wget-without-progress.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN wget -q https://example.com/x.tgz',
    'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sh',
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/x.tgz',
    'FROM debian:12\nRUN wget -nv https://example.com/x.tgz',
    'FROM debian:12\nRUN wget --no-verbose -O /tmp/x https://example.com/x',
    { name: 'output to a log file', code: 'FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/x' },
    {
      name: 'options in a variable',
      code: 'FROM debian:12\nARG WGET_OPTS=-q\nRUN wget $WGET_OPTS https://example.com/x',
    },
    { name: 'installing wget', code: 'FROM debian:12\nRUN apt-get install -y wget' },
  ],
  invalid: [
    {
      name: 'plain wget',
      code: 'FROM debian:12\nRUN wget https://example.com/x.tgz',
      errors: [{ line: 2, message: '--progress=dot:giga', severity: 'info' }],
    },
    {
      name: '-O does not silence it',
      code: 'FROM debian:12\nRUN wget -O /tmp/x.tgz https://example.com/x.tgz',
      errors: [{ line: 2 }],
    },
    {
      name: '-nc is not -nv; continuation',
      code: 'FROM debian:12\nRUN cd /tmp \\\n && wget -nc https://example.com/x.tgz',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'ONBUILD and sh -c',
      code: "FROM debian:12\nONBUILD RUN sh -c 'wget https://example.com/a'",
      errors: [{ line: 2 }],
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nwget https://example.com/a\nEOF',
      errors: [{ line: 2, endLine: 3 }],
    },
  ],
});
