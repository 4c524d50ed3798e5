import { InvalidArgumentError } from '../errors';

/**
 * Splits a command line into arguments the way a POSIX shell does for quoting (no expansion):
 * whitespace separates arguments, `'...'` is literal, `"..."` allows `\"`, `\\`, `\$` and `` \` ``,
 * and a backslash outside quotes escapes the next character. `echo "Hello World"` → `["echo", "Hello World"]`.
 */
export function parseCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else current += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1] as string)) current += line[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inArg = true;
    } else if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (quote) throw new InvalidArgumentError('command', line, `unterminated ${quote} quote`);
  if (inArg) args.push(current);
  return args;
}

/** A command as given (string or array) → arguments. Rejects an empty command. */
export function toArgv(command: string | readonly string[]): string[] {
  const argv = typeof command === 'string' ? parseCommandLine(command) : [...command];
  if (argv.length === 0 || argv.some((a) => typeof a !== 'string')) {
    throw new InvalidArgumentError('command', command, 'expected a non-empty command (string or array of strings)');
  }
  return argv;
}
