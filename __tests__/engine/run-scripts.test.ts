import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/model.js';
import { runScripts } from '../../src/engine/run-scripts.js';

function scriptsOf(dockerfile: string) {
  const model = buildModel(dockerfile);
  const run = model.instructions.find((node) => node.keyword === 'RUN');
  if (!run) throw new Error('no RUN');
  return { model, scripts: runScripts(run, model.source.text) };
}

describe('runScripts', () => {
  it('reads the script of an exec-form shell started with options, `-o pipefail` included', () => {
    const { model, scripts } = scriptsOf(
      'FROM debian\nRUN ["bash", "-eo", "pipefail", "-c", "apt-get update && apt-get install -y curl"]\n',
    );
    expect(scripts.map((script) => script.kind)).toEqual(['exec-shell-c']);
    expect(scripts[0].shell.commands.map((command) => command.name)).toEqual(['apt-get', 'apt-get']);
    // Positions inside the string map to the whole JSON string.
    expect(model.source.locate(scripts[0].spanOf(0, 1))).toMatchObject({ line: 2, column: 39 });
  });

  it('reads a shell-form RUN across continuation lines and maps positions back', () => {
    const { model, scripts } = scriptsOf('FROM alpine\nRUN apk add \\\n  curl && cd /tmp\n');
    expect(scripts).toHaveLength(1);
    const cd = scripts[0].shell.commands.find((command) => command.name === 'cd');
    if (!cd) throw new Error('no cd');
    expect(model.source.locate(scripts[0].spanOf(cd.start, cd.end))).toMatchObject({
      line: 3,
      column: 11,
      endLine: 3,
    });
  });

  it('reads RUN heredoc bodies run by the shell, not those fed to another program', () => {
    expect(
      scriptsOf('FROM alpine\nRUN <<EOF\napk add curl\nEOF\n').scripts.map((script) => script.kind),
    ).toEqual(['heredoc']);
    const python = scriptsOf('FROM python\nRUN python3 <<EOF\nimport os\nEOF\n').scripts;
    expect(python.map((script) => script.kind)).toEqual(['command-line']);
    expect(python[0].shell.commands.map((command) => command.name)).toEqual(['python3']);
  });

  it('completes command lines that open a here-document', () => {
    const { scripts } = scriptsOf('FROM alpine\nRUN cat <<EOF > /etc/x.conf\nkey=value\nEOF\n');
    expect(scripts[0].shell.error).toBeNull();
    expect(scripts[0].shell.commands.map((command) => command.name)).toEqual(['cat']);
  });

  it('reads the script of an exec-form sh -c', () => {
    const { scripts } = scriptsOf('FROM alpine\nRUN ["/bin/sh", "-c", "apk add curl"]\n');
    expect(scripts[0].shell.commands[0].args.map((word) => word.value)).toEqual(['add', 'curl']);
  });

  it('reads an exec form without a shell as its one command, words exact, positions on their JSON strings', () => {
    const { model, scripts } = scriptsOf(`FROM debian\nRUN ["apt-get", "install", "it's", "a b"]\n`);
    expect(scripts.map((script) => script.kind)).toEqual(['exec']);
    const [command] = scripts[0].shell.commands;
    expect(command.name).toBe('apt-get');
    expect(command.args.map((word) => word.value)).toEqual(['install', "it's", 'a b']);
    const quoted = command.args[1];
    // `"it's"` is columns 28-33 of line 2.
    expect(model.source.locate(scripts[0].spanOf(quoted.start, quoted.end))).toMatchObject({
      line: 2,
      column: 28,
      endColumn: 34,
    });
  });

  it('reads exec forms under any SHELL: they start no shell', () => {
    const { scripts } = scriptsOf(
      'FROM mcr.microsoft.com/windows\nSHELL ["powershell", "-Command"]\nRUN ["apt-get", "install", "x"]\n',
    );
    expect(scripts[0].shell.commands.map((command) => command.name)).toEqual(['apt-get']);
  });

  it('returns nothing under a non-POSIX SHELL', () => {
    expect(
      scriptsOf(
        'FROM mcr.microsoft.com/windows\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object\n',
      ).scripts,
    ).toEqual([]);
  });
});
