// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/gem-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'ruby image pattern: bundler pinned with -v',
      code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.6 --no-document',
    },
    { name: 'name:version', code: 'FROM ruby:3.3\nRUN gem install rails:7.1.3 "rack:~>3.0"' },
    { name: '--version= before the gem', code: 'FROM ruby:3.3\nRUN gem install --version=2.5.6 bundler' },
    {
      name: 'a version in a variable',
      code: 'FROM ruby:3.3\nARG BUNDLER_VERSION=2.5.6\nRUN gem install bundler -v "${BUNDLER_VERSION}"',
    },
    { name: 'local .gem file', code: 'FROM ruby:3.3\nRUN gem install ./pkg/mygem-1.0.0.gem' },
    {
      name: 'the value of --document is not a gem',
      code: 'FROM ruby:3.3\nRUN gem install --document rdoc rails:7.1.3',
    },
    {
      name: 'build options after --',
      code: 'FROM ruby:3.3\nRUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config',
    },
    {
      name: 'bundle install and gem update',
      code: 'FROM ruby:3.3\nRUN bundle install && gem update --system 3.5.6',
    },
  ],
  invalid: [
    {
      name: 'hadolint DL3028',
      code: 'FROM ruby:3.3\nRUN gem install bundler',
      errors: [{ line: 2, message: '`bundler`', fix: 'none' }],
    },
    {
      name: 'a switch does not take the next word (hadolint takes it for a value)',
      code: 'FROM ruby:3.3\nRUN gem install --no-document rails',
      errors: [{ line: 2, message: '`rails`' }],
    },
    {
      name: 'gem i alias, -N, multi-line',
      code: 'FROM ruby:3.3\nRUN gem i -N \\\n    nokogiri \\\n    pry:0.14.2',
      errors: [{ line: 2, endLine: 3, message: '`nokogiri`' }],
    },
    {
      name: 'option values are skipped, the gems checked',
      code: 'FROM ruby:3.3\nRUN gem install --install-dir /opt/gems --source https://rubygems.org puma',
      errors: [{ line: 2, message: '`puma`' }],
    },
    {
      name: 'heredoc RUN, sh -c and ONBUILD RUN',
      code: 'FROM ruby:3.3\nRUN <<EOF\ngem install rake\nEOF\nRUN sh -c "gem install rspec"\nONBUILD RUN gem install foreman',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }, { line: 6 }],
    },
  ],
});
