import rule from '../../src/rules/maintainer-deprecated.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'upstream: the OCI label',
      code: '\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n',
    },
    'FROM alpine\nLABEL maintainer="me@example.org"',
    { name: 'a comment mentioning MAINTAINER', code: 'FROM alpine\n# MAINTAINER me\nCMD ["x"]' },
    { name: 'an ENV named MAINTAINER', code: 'FROM alpine\nENV MAINTAINER=me' },
    { name: 'RUN echo MAINTAINER', code: 'FROM alpine\nRUN echo MAINTAINER me' },
    {
      name: 'ONBUILD MAINTAINER is refused by Docker: not this rule',
      code: 'FROM alpine\nONBUILD MAINTAINER me',
    },
  ],
  invalid: [
    {
      name: 'upstream testMaintainerDeprecated',
      code: '\nFROM scratch\nMAINTAINER me@example.org\n',
      errors: [{ line: 3, severity: 'warning', message: '`MAINTAINER` is deprecated', fix: 'safe' }],
      output: '\nFROM scratch\nLABEL maintainer="me@example.org"\n',
    },
    {
      name: 'quotes and $ are kept literally, as MAINTAINER kept them',
      code: 'FROM alpine\nMAINTAINER "Jane Doe" <jane@example.org> $HOME',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nLABEL maintainer="\\"Jane Doe\\" <jane@example.org> \\$HOME"',
    },
    {
      name: 'lowercase keyword gives a lowercase label',
      code: 'from alpine\nmaintainer Jane Doe <jane@example.org>\nrun apk add curl',
      errors: [{ line: 2 }],
      output: 'from alpine\nlabel maintainer="Jane Doe <jane@example.org>"\nrun apk add curl',
    },
    {
      name: 'with # escape=` the backtick escapes',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nMAINTAINER "ops" C:\\Users\\ops',
      errors: [{ line: 3 }],
      output:
        '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nLABEL maintainer="`"ops`" C:\\Users\\ops"',
    },
    {
      name: 'every stage, any position',
      code: 'FROM golang AS build\nMAINTAINER a@example.org\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\nMAINTAINER b@example.org',
      errors: [{ line: 2 }, { line: 6 }],
      output:
        'FROM golang AS build\nLABEL maintainer="a@example.org"\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\nLABEL maintainer="b@example.org"',
    },
  ],
});
