import rule from '../../src/rules/dnf-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y tomcat-9.0.1 && dnf clean all',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tomcat-9.0.1 && microdnf clean all',
    'FROM fedora:40\nRUN dnf module install -y tomcat:9 && dnf clean all',
    'FROM fedora:40\nRUN dnf install -y "python3 >= 3.12"',
    { name: 'notdnf', code: 'FROM fedora:40\nRUN notdnf install tomcat' },
    { name: 'an rpm file', code: 'FROM fedora:40\nRUN dnf install -y ./build/app-1.rpm' },
    {
      name: 'a shell variable of the RUN stays unknown',
      code: 'FROM fedora:40\nRUN v=1.2 && dnf install -y "foo-$v"',
    },
    { name: 'yum is yum-pin-versions', code: 'FROM centos:7\nRUN yum install -y httpd' },
  ],
  invalid: [
    {
      name: 'dnf and microdnf',
      code: 'FROM fedora:40\nRUN dnf install -y tomcat && microdnf install -y git',
      errors: [
        { line: 2, message: '`dnf install` of `tomcat`' },
        { line: 2, message: '`microdnf install` of `git`' },
      ],
    },
    {
      name: 'module without stream',
      code: 'FROM fedora:40\nRUN dnf module install -y tomcat',
      errors: [{ line: 2, message: '`tomcat:<stream>`' }],
    },
    {
      name: 'dnf5 with an arch suffix only',
      code: 'FROM fedora:41\nRUN dnf5 install -y glibc.i686',
      errors: [{ line: 2, message: '`glibc.i686`' }],
    },
    {
      name: 'ONBUILD, heredoc',
      code: 'FROM fedora:40\nONBUILD RUN <<EOF\ndnf install -y jq\nEOF',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'ENV value with a name and no version',
      code: 'FROM fedora:40\nENV PY=python3.12\nRUN dnf install -y "$PY"',
      errors: [{ line: 3, message: '(`python3.12`)' }],
    },
  ],
});
