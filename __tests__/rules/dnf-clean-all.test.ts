import rule from '../../src/rules/dnf-clean-all.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && microdnf clean all',
    'FROM fedora:41\nRUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5',
    'FROM fedora:40\nRUN dnf -y upgrade && dnf -y install httpd && rm -rf /var/cache/dnf/*',
    {
      name: 'libdnf5 cache mount',
      code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5,sharing=locked dnf install -y gcc',
    },
    {
      name: 'quoted mount value',
      code: 'FROM fedora:40\nRUN --mount="type=cache,target=/var/cache/dnf" dnf install -y gcc',
    },
    {
      name: 'microdnf and rm of /var/cache/yum (its cache)',
      code: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y tar && rm -rf /var/cache/yum',
    },
    {
      name: 'builder stage',
      code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /out /',
    },
    { name: 'yum is yum-clean-all', code: 'FROM centos:7\nRUN yum -y install httpd' },
  ],
  invalid: [
    {
      name: 'dnf without clean',
      code: 'FROM fedora:40\nRUN dnf install -y mariadb-10.4',
      errors: [{ line: 2, message: '/var/cache/dnf', fix: 'safe' }],
      output: 'FROM fedora:40\nRUN dnf install -y mariadb-10.4 && dnf clean all',
    },
    {
      name: 'microdnf install cleaned by dnf is not cleaned (hadolint agrees)',
      code: 'FROM ubi9/ubi-minimal\nRUN microdnf install -y mariadb && dnf clean all',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'one finding per RUN: the last install without cleanup',
      code: 'FROM fedora:40\nRUN dnf install -y a && dnf clean all && dnf install -y b && dnf install -y c',
      errors: [{ line: 2, message: '`dnf install`' }],
      output:
        'FROM fedora:40\nRUN dnf install -y a && dnf clean all && dnf install -y b && dnf install -y c && dnf clean all',
    },
    {
      name: 'dnf5 name kept in the fix; module install',
      code: 'FROM fedora:41\nRUN dnf5 module install -y nodejs:20',
      errors: [{ line: 2 }],
      output: 'FROM fedora:41\nRUN dnf5 module install -y nodejs:20 && dnf5 clean all',
    },
    {
      name: 'heredoc body without cleanup',
      code: 'FROM fedora:40\nRUN <<EOF\nset -eux\ndnf -y install git\nEOF',
      errors: [{ line: 2, endLine: 4 }],
      output: 'FROM fedora:40\nRUN <<EOF\nset -eux\ndnf -y install git && dnf clean all\nEOF',
    },
    {
      name: 'inside sh -c: reported, no fix',
      code: 'FROM fedora:40\nRUN sh -c "dnf -y install git"',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
