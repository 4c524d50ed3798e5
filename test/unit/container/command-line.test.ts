import { parseCommandLine, toArgv } from '../../../src/container/command-line';
import { InvalidArgumentError } from '../../../src/errors';

describe('parseCommandLine', () => {
  it.each([
    ['echo "Hello World"', ['echo', 'Hello World']],
    ["sh -c 'echo a  b'", ['sh', '-c', 'echo a  b']],
    ['  a   b  ', ['a', 'b']],
    ['a\\ b c', ['a b', 'c']],
    ['echo "a \\"q\\" $x"', ['echo', 'a "q" $x']],
    ["echo ''", ['echo', '']],
    ['x"y z"w', ['xy zw']],
  ])('%s', (line, expected) => expect(parseCommandLine(line)).toEqual(expected));

  it('rejects unterminated quotes and empty commands', () => {
    expect(() => parseCommandLine('echo "a')).toThrow(InvalidArgumentError);
    expect(() => toArgv('   ')).toThrow(InvalidArgumentError);
    expect(() => toArgv([])).toThrow(InvalidArgumentError);
    expect(toArgv(['a', 'b c'])).toEqual(['a', 'b c']);
  });
});
