// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/expose-port-range.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM nginx\nEXPOSE 80 443/tcp 53/udp 9000/sctp',
    { name: 'bounds', code: 'FROM alpine\nEXPOSE 0 65535' },
    { name: 'a range', code: 'FROM alpine\nEXPOSE 8000-8010/UDP' },
    {
      name: 'host mappings are accepted (with a warning from expose-invalid-format)',
      code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 8000-8001:9000-9001',
    },
    { name: 'a variable from the base image', code: 'FROM alpine\nEXPOSE $PORT' },
    { name: 'a variable with a valid default', code: 'FROM alpine\nARG PORT=8080\nEXPOSE ${PORT}' },
    { name: 'ONBUILD EXPOSE', code: 'FROM alpine\nONBUILD EXPOSE 70000' },
  ],
  invalid: [
    {
      name: 'hadolint DL3011: above 65535',
      code: 'FROM alpine\nEXPOSE 80 65536',
      errors: [
        { line: 2, column: 11, severity: 'error', message: 'port `65536` is outside 0-65535', fix: 'none' },
      ],
    },
    {
      name: 'a range bound above 65535',
      code: 'FROM alpine\nEXPOSE 65000-70000/udp',
      errors: [{ line: 2, message: '`70000`' }],
    },
    {
      name: 'an unknown protocol',
      code: 'FROM alpine\nEXPOSE 80/http',
      errors: [{ line: 2, message: '`http` is not a protocol Docker knows' }],
    },
    {
      name: 'a reversed range, a name, an empty port; the continued one is placed at the EXPOSE',
      code: 'FROM alpine\nexpose 9000-8000 http :\\\n  /tcp',
      errors: [
        { line: 2, column: 1, message: '`EXPOSE /tcp`: it gives no container port' },
        { line: 2, message: 'ends before it starts' },
        { line: 2, message: '`http` is not a port number' },
        { line: 2, message: '`EXPOSE :`: it gives no container port' },
      ],
    },
    {
      name: 'an invalid host address and a mismatched range',
      code: 'FROM alpine\nEXPOSE localhost:80:80 8000-8001:9000-9002',
      errors: [
        { line: 2, message: '`localhost` is not an IP address' },
        { line: 2, message: 'different lengths' },
      ],
    },
    {
      name: 'through an ARG default',
      code: 'FROM alpine\nARG PORT=99999\nEXPOSE $PORT',
      errors: [{ line: 3 }],
    },
  ],
});
