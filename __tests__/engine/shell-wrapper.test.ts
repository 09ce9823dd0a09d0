import { describe, expect, it } from 'vitest';
import { shellInvocation } from '../../src/engine/shell-wrapper.js';

describe('shellInvocation', () => {
  it.each([
    [['sh', '-c', 'x'], 2, ['-c']],
    [['/bin/sh', '-ec', 'x'], 2, ['-ec']],
    [['bash', '-o', 'pipefail', '-c', 'x'], 4, ['-o', 'pipefail', '-c']],
    [['bash', '-eo', 'pipefail', '-c', 'x'], 4, ['-eo', 'pipefail', '-c']],
    [['/usr/bin/bash', '-euxo', 'pipefail', '-c', 'x'], 4, ['-euxo', 'pipefail', '-c']],
    [['bash', '--norc', '-c', 'x'], 3, ['--norc', '-c']],
    [['bash', '--rcfile', '/r', '-c', 'x'], 4, ['--rcfile', '/r', '-c']],
    [['ash', '+e', '-c', 'x'], 3, ['+e', '-c']],
  ])('reads %j: script at %i, options %j', (argv, scriptIndex, options) => {
    expect(shellInvocation(argv)).toEqual({ scriptIndex, options });
  });

  it.each([
    [['sh', 'script.sh']],
    [['sh', '-c']],
    [['sh', '-e', 'x']],
    [['python3', '-c', 'print(1)']],
    [['bash', null, '-c', 'x']],
    [['sh', '--', '-c', 'x']],
  ])('is not a `-c` invocation: %j', (argv) => {
    expect(shellInvocation(argv)).toBeNull();
  });
});
