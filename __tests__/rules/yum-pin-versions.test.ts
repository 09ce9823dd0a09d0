// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/yum-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
    'FROM centos:7\nRUN yum install -y nginx-1:1.20.1-10.el7.x86_64 java-11-openjdk-11.0.20.0.8-1.el7_9',
    'FROM centos:7\nRUN yum install -y /tmp/app.rpm https://example.com/x.rpm',
    'FROM rockylinux:8\nRUN yum module install -y nodejs:18/common',
    { name: 'groups cannot be pinned', code: 'FROM centos:7\nRUN yum install -y @development "perl(JSON)"' },
    {
      name: 'version from an ARG',
      code: 'FROM centos:7\nARG HTTPD_VERSION=2.4.6\nRUN yum install -y httpd-${HTTPD_VERSION}',
    },
    {
      name: 'version from an ARG without default',
      code: 'FROM centos:7\nARG V\nRUN yum install -y httpd-$V',
    },
    {
      name: 'package list in a variable we cannot read',
      code: 'FROM centos:7\nRUN yum install -y $PACKAGES',
    },
    { name: 'not an install', code: 'FROM centos:7\nRUN yum remove -y httpd && yum update -y' },
    {
      name: 'option values are not packages',
      code: 'FROM centos:7\nRUN yum install -y --enablerepo epel --setopt tsflags=nodocs jq-1.6',
    },
  ],
  invalid: [
    {
      name: 'unpinned',
      code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all',
      errors: [{ line: 2, message: '`httpd` without a version' }],
    },
    {
      name: 'names with digits and dashes are still names',
      code: 'FROM centos:7\nRUN yum install -y java-1.8.0-openjdk python3-devel gcc-c++ tomcat-9.0.1',
      errors: [{ line: 2, message: '`java-1.8.0-openjdk`, `python3-devel` and `gcc-c++`' }],
    },
    {
      name: 'an ARG holding the package name is expanded',
      code: 'FROM centos:7\nARG WEB=httpd\nRUN yum install -y ${WEB}',
      errors: [{ line: 3, message: '`${WEB}` (`httpd`)' }],
    },
    {
      name: 'module without a stream',
      code: 'FROM rockylinux:8\nRUN yum module install -y nodejs',
      errors: [{ line: 2, message: 'without a stream' }],
    },
    {
      name: 'continuation: reported up to the package line; ONBUILD',
      code: 'FROM centos:7\nONBUILD RUN yum install -y \\\n    curl-7.29.0 \\\n    git',
      errors: [{ line: 2, endLine: 4, message: '`git`' }],
    },
    {
      name: 'ENV in a parent stage',
      code: 'FROM centos:7 AS base\nENV TOOLS="git make"\nFROM base\nRUN yum install -y $TOOLS',
      errors: [{ line: 4, message: '`$TOOLS` (`git`) and `$TOOLS` (`make`)' }],
    },
  ],
});
