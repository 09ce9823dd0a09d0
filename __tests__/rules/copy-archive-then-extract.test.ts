import rule from '../../src/rules/copy-archive-then-extract.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nADD app.tar.gz /opt/',
    { name: 'copied, never extracted', code: 'FROM debian:12\nCOPY dist/app.tar.gz /srv/downloads/' },
    {
      name: 'a zip: ADD would not unpack it',
      code: 'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt',
    },
    {
      name: 'strip-components: ADD cannot do that',
      code: 'FROM debian:12\nCOPY node.tar.xz /tmp/\nRUN tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1',
    },
    {
      name: 'only some members',
      code: 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz app/bin',
    },
    {
      name: 'from another stage',
      code: 'FROM debian:12 AS a\nRUN tar -czf /app.tgz /app\nFROM debian:12\nCOPY --from=a /app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz',
    },
    {
      name: 'extracted in another stage',
      code: 'FROM debian:12 AS a\nCOPY app.tgz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tgz',
    },
    {
      name: 'listing, not extracting',
      code: 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -tzf /tmp/app.tgz',
    },
    { name: 'a different archive', code: 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/other.tgz' },
  ],
  invalid: [
    {
      name: 'copied then extracted: reported on the COPY',
      code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
      errors: [{ line: 2, message: 'line 3', severity: 'info' }],
    },
    {
      name: 'old-style options, renamed on copy',
      code: 'FROM debian:12\nCOPY build/out.tgz /tmp/app.tgz\nWORKDIR /opt\nRUN tar xzf /tmp/app.tgz',
      errors: [{ line: 2 }],
    },
    {
      name: 'long options, heredoc RUN',
      code: 'FROM debian:12\nCOPY --chown=app data.tar /data/\nRUN <<EOF\ntar --extract --file=/data/data.tar --directory /data\nEOF',
      errors: [{ line: 2 }],
    },
    {
      name: 'several sources, one extracted',
      code: 'FROM debian:12\nCOPY a.txt b.tar.bz2 /src/\nRUN cd /src && tar -xjf b.tar.bz2',
      errors: [{ line: 2, message: '`b.tar.bz2`' }],
    },
    {
      name: 'lower case, continuation',
      code: 'FROM debian:12\ncopy pkg.txz /tmp/\nrun set -e \\\n && tar -xf /tmp/pkg.txz -C /',
      errors: [{ line: 2 }],
    },
  ],
});
