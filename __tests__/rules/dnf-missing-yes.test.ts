import rule from '../../src/rules/dnf-missing-yes.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    'FROM fedora:40\nRUN dnf -y --setopt=install_weak_deps=False install python3',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar gzip && microdnf clean all',
    'FROM rockylinux:9\nRUN dnf --assumeyes module enable nodejs:20',
    {
      name: 'a repository option value is not the command',
      code: 'FROM fedora:40\nRUN dnf --enablerepo install -y httpd',
    },
    {
      name: '--assumeno is a deliberate dry run',
      code: 'FROM fedora:40\nRUN dnf install --assumeno httpd || true',
    },
    {
      name: 'read-only commands',
      code: 'FROM fedora:40\nRUN dnf repolist && dnf list installed && dnf makecache',
    },
    { name: 'yum is yum-missing-yes', code: 'FROM centos:7\nRUN yum install httpd' },
    { name: 'printf answers', code: "FROM fedora:40\nRUN printf 'y\\n' | dnf install httpd" },
    { name: 'notdnf is another program', code: 'FROM fedora:40\nRUN notdnf install httpd' },
  ],
  invalid: [
    {
      name: 'dnf install',
      code: 'FROM fedora:40\nRUN dnf install httpd',
      errors: [{ line: 2, message: '`dnf install`', fix: 'safe' }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd',
    },
    {
      name: 'microdnf, with the note about its versions',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install tar && microdnf clean all',
      errors: [{ line: 2, message: 'Recent microdnf versions ask' }],
      output:
        'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all',
    },
    {
      name: 'dnf module install and dnf5 upgrade; the repo option takes its value',
      code: 'FROM fedora:41\nRUN dnf --enablerepo=updates-testing module install nodejs:20 && dnf5 --repo fedora upgrade',
      errors: [
        { line: 2, message: '`dnf module install`' },
        { line: 2, message: '`dnf5 upgrade`' },
      ],
      output:
        'FROM fedora:41\nRUN dnf --enablerepo=updates-testing module install -y nodejs:20 && dnf5 --repo fedora upgrade -y',
    },
    {
      name: 'second stage, cache mount, continuation',
      code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf \\\n    dnf reinstall \\\n      ca-certificates',
      errors: [{ line: 4, endLine: 5 }],
      output:
        'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf \\\n    dnf reinstall -y \\\n      ca-certificates',
    },
    {
      name: 'escape=` file',
      code: '# escape=`\nFROM fedora:40\nRUN dnf remove `\n  nano',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM fedora:40\nRUN dnf remove -y `\n  nano',
    },
    {
      name: 'bash -o pipefail -c script, no fix inside the string',
      code: 'FROM fedora:40\nRUN bash -o pipefail -c "dnf install httpd | tee /log"',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
