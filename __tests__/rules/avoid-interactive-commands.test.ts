import rule from '../../src/rules/avoid-interactive-commands.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y vim procps openssh-client',
    'FROM debian:12\nRUN vim -es -u NONE -c "set ff=unix" -c wq /app/run.sh',
    'FROM debian:12\nRUN vim +PlugInstall +qall',
    {
      name: 'a service started for this RUN',
      code: 'FROM debian:12\nRUN service postgresql start && psql -c "create database app" && service postgresql stop',
    },
    {
      name: 'kill of a background job',
      code: 'FROM debian:12\nRUN (./server &) && sleep 2 && ./smoke-test && kill "$(cat /tmp/server.pid)"',
    },
    {
      name: 'mount in an insecure build',
      code: 'FROM debian:12\nRUN --security=insecure mount -t tmpfs none /mnt && ls /mnt',
    },
    {
      name: 'ssh with an ssh mount',
      code: 'FROM debian:12\nRUN --mount=type=ssh ssh -T git@example.com deploy-key-check',
    },
    {
      name: 'words, not commands',
      code: "FROM debian:12\nRUN echo 'run top or ps to see' && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts",
    },
  ],
  invalid: [
    {
      name: 'vim needs a terminal',
      code: 'FROM debian:12\nRUN vim /etc/hosts',
      errors: [{ line: 2, message: 'interactive editor', severity: 'info' }],
    },
    {
      name: 'service start at the end of the RUN',
      code: 'FROM debian:12\nRUN apt-get install -y nginx && service nginx start',
      errors: [{ line: 2, message: 'dies when this RUN ends' }],
    },
    {
      name: 'ps and free',
      code: 'FROM debian:12\nRUN ps aux && free -m',
      errors: [
        { line: 2, message: '`ps`' },
        { line: 2, message: '`free`' },
      ],
    },
    {
      name: 'shutdown in ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN shutdown -h now',
      errors: [{ line: 2 }],
    },
    {
      name: 'mount without privileges',
      code: 'FROM debian:12\nRUN mount -t tmpfs none /mnt',
      errors: [{ line: 2, message: 'privileges' }],
    },
    {
      name: 'ssh in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nssh deploy@host\nEOF',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'top through sudo in sh -c',
      code: 'FROM debian:12\nRUN sh -c "sudo top"',
      errors: [{ line: 2 }],
    },
    { name: 'kill of a fixed pid', code: 'FROM debian:12\nRUN kill -9 1', errors: [{ line: 2 }] },
  ],
});
