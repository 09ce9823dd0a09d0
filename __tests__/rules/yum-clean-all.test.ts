import rule from '../../src/rules/yum-clean-all.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    'FROM centos:7\nRUN yum -y install httpd \\\n && rm -rf /var/cache/yum',
    'FROM centos:7\nRUN yum -y install httpd && rm -rf /var/cache/yum/*',
    {
      name: 'yum is dnf on EL 8: dnf clean all counts',
      code: 'FROM rockylinux:8\nRUN yum -y install httpd && dnf clean all',
    },
    {
      name: 'cache mount over the cache',
      code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum -y install httpd',
    },
    {
      name: 'tmpfs over /var/cache',
      code: 'FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum -y install httpd',
    },
    {
      name: 'a builder stage only copied from',
      code: 'FROM centos:7 AS build\nRUN yum -y install gcc make && make\nFROM centos:7\nCOPY --from=build /app /app',
    },
    {
      name: 'commands that download nothing',
      code: 'FROM centos:7\nRUN yum remove -y nano && yum info bash',
    },
    {
      name: 'heredoc with cleanup',
      code: 'FROM centos:7\nRUN <<EOF\nyum -y install httpd\nyum clean all\nEOF',
    },
  ],
  invalid: [
    {
      name: 'no cleanup: safe fix appends yum clean all',
      code: 'FROM centos:7\nRUN yum -y install httpd',
      errors: [{ line: 2, message: '/var/cache/yum', fix: 'safe' }],
      output: 'FROM centos:7\nRUN yum -y install httpd && yum clean all',
    },
    {
      name: 'cleanup before the install does not count',
      code: 'FROM centos:7\nRUN yum clean all && yum -y install httpd > /dev/null',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'a clean in a later RUN cannot shrink the layer',
      code: 'FROM centos:7\nRUN yum -y update \\\n    && yum -y install httpd\nRUN yum clean all',
      errors: [{ line: 2, endLine: 3 }],
      output:
        'FROM centos:7\nRUN yum -y update \\\n    && yum -y install httpd && yum clean all\nRUN yum clean all',
    },
    {
      name: 'a stage used as a base reaches the image',
      code: 'FROM centos:7 AS base\nRUN yum -y install httpd\nFROM base\nCMD ["httpd", "-DFOREGROUND"]',
      errors: [{ line: 2 }],
      output:
        'FROM centos:7 AS base\nRUN yum -y install httpd && yum clean all\nFROM base\nCMD ["httpd", "-DFOREGROUND"]',
    },
    {
      name: 'ONBUILD in a builder stage still counts; a mount elsewhere does not',
      code: 'FROM centos:7 AS tmpl\nONBUILD RUN --mount=type=cache,target=/root/.cache yum -y install git\nFROM alpine:3.20',
      errors: [{ line: 2 }],
      output:
        'FROM centos:7 AS tmpl\nONBUILD RUN --mount=type=cache,target=/root/.cache yum -y install git && yum clean all\nFROM alpine:3.20',
    },
    {
      name: 'yum clean metadata is not clean all',
      code: 'FROM centos:7\nRUN yum -y install httpd && yum clean metadata',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'through sudo: no fix (a bare yum clean would not run as root)',
      code: 'FROM centos:7\nUSER dev\nRUN sudo yum -y install httpd',
      errors: [{ line: 3, fix: 'none' }],
    },
  ],
});
