import { describe, expect, it } from 'vitest';
import { isCommand, parseShell } from '../../src/engine/shell.js';

describe('parseShell', () => {
  it('reads simple commands with unquoted words and chains', () => {
    const script = parseShell(
      'DEBIAN_FRONTEND=noninteractive apt-get install -y "cu"rl && cd /tmp || echo \'a b\'',
    );
    expect(script.error).toBeNull();
    expect(script.commands.map((command) => command.name)).toEqual(['apt-get', 'cd', 'echo']);
    expect(script.commands[0].args.map((word) => word.value)).toEqual(['install', '-y', 'curl']);
    expect(script.commands[0].assignments.map((assign) => assign.name)).toEqual(['DEBIAN_FRONTEND']);
    expect(script.commands[2].args[0].value).toBe('a b');
    expect(script.hasPipe).toBe(false);
  });

  it('removes backslashes as the shell does: any escape unquoted, only $ ` " \\ inside double quotes', () => {
    const script = parseShell(`echo 'it'\\''s' a\\ b "x\\"y\\z" \\$HOME`);
    expect(script.commands[0].args.map((word) => word.value)).toEqual(["it's", 'a b', 'x"y\\z', '$HOME']);
  });

  it('marks expanded words as unknown and pipes as piped', () => {
    const script = parseShell('curl -sSL "$URL" | tar -xz -C /opt; ls');
    expect(script.commands[0].args[1].value).toBeNull();
    expect(script.hasPipe).toBe(true);
    expect(script.commands.map((command) => command.piped)).toEqual([true, true, false]);
  });

  it('leaves the script of sh -c to the rules that read it with its own text', () => {
    const script = parseShell('sh -c "apt-get update && apt-get install -y git"');
    expect(script.commands.map((command) => command.name)).toEqual(['sh']);
    expect(script.commands[0].args.map((word) => word.value)).toEqual([
      '-c',
      'apt-get update && apt-get install -y git',
    ]);
  });

  it('finds commands inside subshells, command substitutions and control flow', () => {
    const names = parseShell('if [ -f x ]; then (cd a && make); fi; echo $(whoami)').commands.map(
      (command) => command.name,
    );
    expect(names).toEqual(expect.arrayContaining(['[', 'cd', 'make', 'echo', 'whoami']));
  });

  it('reports invalid shell instead of throwing', () => {
    const script = parseShell('echo "unterminated');
    expect(script.commands).toEqual([]);
    expect(script.error).toMatch(/quote/);
  });

  it('matches commands by basename', () => {
    const [command] = parseShell('/usr/bin/apt-get update').commands;
    expect(isCommand(command, 'apt-get')).toBe(true);
    expect(isCommand(command, 'apt')).toBe(false);
  });
});

describe('positions in non-ASCII scripts', () => {
  it('are string indexes, not UTF-8 byte offsets', () => {
    const text = 'echo "héllo wörld" && cd /tmp';
    const cd = parseShell(text).commands.find((command) => command.name === 'cd');
    expect(cd && text.slice(cd.start, cd.end)).toBe('cd /tmp');
  });
});
