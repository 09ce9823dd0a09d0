import rule from '../../src/rules/yum-missing-yes.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    'FROM centos:7\nRUN yum -y install httpd-2.4.6',
    'FROM centos:7\nRUN yum install --assumeyes epel-release',
    'FROM centos:7\nRUN yum -q -y groupinstall "Development Tools"',
    { name: 'combined short flags', code: 'FROM centos:7\nRUN yum -yq update' },
    { name: 'assumeyes through --setopt', code: 'FROM centos:7\nRUN yum --setopt=assumeyes=1 install httpd' },
    { name: 'answered by a pipe from yes', code: 'FROM centos:7\nRUN yes | yum install httpd' },
    {
      name: 'commands that never prompt',
      code: 'FROM centos:7\nRUN yum makecache && yum clean all && yum info httpd',
    },
    {
      name: '`install` as a package name of another command',
      code: 'FROM centos:7\nRUN echo yum install httpd',
    },
    { name: 'dnf is dnf-missing-yes', code: 'FROM fedora:40\nRUN dnf install httpd' },
    {
      name: 'options hidden in a variable',
      code: 'FROM centos:7\nARG YUM_OPTS\nRUN yum $YUM_OPTS install httpd',
    },
    {
      name: 'PowerShell SHELL: no POSIX command is read',
      code: 'FROM centos:7\nSHELL ["pwsh", "-c"]\nRUN yum install httpd',
    },
  ],
  invalid: [
    {
      name: 'plain install: safe fix adds -y after the command',
      code: 'FROM centos:7\nRUN yum install httpd && yum clean all',
      errors: [{ line: 2, message: 'Is this ok [y/N]', fix: 'safe' }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
    },
    {
      name: 'update and remove prompt too; lower-case run; continuation lines',
      code: 'FROM centos:7\nrun yum update \\\n && yum remove -q nano',
      errors: [
        { line: 2, message: '`yum update`' },
        { line: 2, endLine: 3, message: '`yum remove`' },
      ],
      output: 'FROM centos:7\nrun yum update -y \\\n && yum remove -y -q nano',
    },
    {
      name: 'through sudo and env, in a heredoc',
      code: 'FROM centos:7\nRUN <<EOF\nset -e\nsudo env LANG=C yum groupinstall "Development Tools"\nEOF',
      errors: [{ line: 2, endLine: 4, fix: 'safe' }],
      output:
        'FROM centos:7\nRUN <<EOF\nset -e\nsudo env LANG=C yum groupinstall -y "Development Tools"\nEOF',
    },
    {
      name: 'inside sh -c: no fix (the position in the string is not exact)',
      code: 'FROM centos:7\nRUN sh -c "yum install httpd"',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'ONBUILD RUN, reported on the ONBUILD line',
      code: 'FROM centos:7\nONBUILD RUN yum localinstall /tmp/app.rpm',
      errors: [{ line: 2, message: '`yum localinstall`' }],
      output: 'FROM centos:7\nONBUILD RUN yum localinstall -y /tmp/app.rpm',
    },
    {
      name: 'exec form with sh -c',
      code: 'FROM centos:7\nRUN ["/bin/sh", "-c", "yum install httpd"]',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'yum group install',
      code: 'FROM centos:7\nRUN yum group install "Development Tools"',
      errors: [{ line: 2, message: '`yum group install`' }],
      output: 'FROM centos:7\nRUN yum group install -y "Development Tools"',
    },
  ],
});
