// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/expose-invalid-format.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM nginx\nEXPOSE 80 443/tcp',
    { name: 'a range', code: 'FROM alpine\nEXPOSE 8000-8010' },
    { name: 'an empty host part is no mapping', code: 'FROM alpine\nEXPOSE :80' },
    {
      name: 'an unknown protocol: BuildKit stops before this check',
      code: 'FROM alpine\nEXPOSE 8080:80/http',
    },
    { name: 'an unknown variable', code: 'FROM alpine\nEXPOSE ${MAPPING}' },
    { name: 'ONBUILD EXPOSE', code: 'FROM alpine\nONBUILD EXPOSE 8080:80' },
  ],
  invalid: [
    {
      name: 'upstream testExposeInvalidFormat',
      code: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n',
      errors: [
        { line: 3, column: 8, message: 'a host address and port', fix: 'safe' },
        { line: 3, column: 24, message: 'container port `8080`', fix: 'safe' },
        { line: 3, column: 40, message: 'gives a host port,', fix: 'safe' },
      ],
      output: '\nFROM scratch\nEXPOSE 80 8080 5000 8000\n',
    },
    {
      name: 'the protocol is kept',
      code: 'FROM alpine\nEXPOSE 5353:53/udp',
      errors: [{ line: 2, message: '`53/udp`' }],
      output: 'FROM alpine\nEXPOSE 53/udp',
    },
    {
      name: 'a host range with one container port',
      code: 'FROM alpine\nexpose 8000-8010:80',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nexpose 80',
    },
    {
      name: 'an invalid host address: reported, the build error is expose-port-range’s',
      code: 'FROM alpine\nEXPOSE localhost:80:80',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'from an ARG default',
      code: 'FROM alpine\nARG MAP=8080:80\nEXPOSE $MAP',
      errors: [{ line: 3, fix: 'none' }],
    },
  ],
});
