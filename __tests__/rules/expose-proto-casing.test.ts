// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/expose-proto-casing.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM nginx\nEXPOSE 80/tcp 443/tcp 53/udp',
    { name: 'no protocol', code: 'FROM nginx\nEXPOSE 80 443' },
    { name: 'a range', code: 'FROM alpine\nEXPOSE 8000-8010/udp' },
    {
      name: 'an unknown protocol fails the build: expose-port-range’s finding',
      code: 'FROM alpine\nEXPOSE 80/HTTP',
    },
    { name: 'a variable from the base image', code: 'FROM alpine\nEXPOSE $PORT/TCP' },
    { name: 'ONBUILD EXPOSE runs in another build', code: 'FROM alpine\nONBUILD EXPOSE 80/TCP' },
  ],
  invalid: [
    {
      name: 'upstream testExposeProtoCasing',
      code: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n',
      errors: [
        { line: 3, column: 8, message: '`80/TcP`', fix: 'safe' },
        { line: 3, column: 15, message: '`8080/TCP`', fix: 'safe' },
      ],
      output: '\nFROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp\n',
    },
    {
      name: 'a port on a continuation line is reported on the EXPOSE line',
      code: 'FROM alpine\nexpose 80/tcp \\\n  53/UDP',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nexpose 80/tcp \\\n  53/udp',
    },
    {
      name: 'with a host mapping too (expose-invalid-format reports that part)',
      code: 'FROM alpine\nEXPOSE 5000:5000/SCTP',
      errors: [{ line: 2, message: 'exposes `5000/sctp`' }],
      output: 'FROM alpine\nEXPOSE 5000:5000/sctp',
    },
    {
      name: 'through an ARG default: reported, no fix on the variable',
      code: 'FROM alpine\nARG PROTO=UDP\nEXPOSE 53/${PROTO}',
      errors: [{ line: 3, fix: 'none' }],
    },
    {
      name: 'every stage',
      code: 'FROM alpine AS a\nEXPOSE 1/Udp\nFROM alpine\nEXPOSE 2/Tcp',
      errors: [{ line: 2 }, { line: 4 }],
      output: 'FROM alpine AS a\nEXPOSE 1/udp\nFROM alpine\nEXPOSE 2/tcp',
    },
  ],
});
