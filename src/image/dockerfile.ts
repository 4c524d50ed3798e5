/** One `FROM` of a Dockerfile. */
export interface FromInstruction {
  /** The image after `${ARG}` substitution, e.g. `debian:bookworm`. */
  image: string;
  /** The stage name given with `AS`, if any. */
  stage?: string;
}

/** Joins continued lines (`\` at the end) and drops comments and blank lines. */
export function dockerfileInstructions(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!current && (line === '' || line.startsWith('#'))) continue;
    if (current && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    out.push(`${current}${line}`.trim());
    current = '';
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Replaces `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alt}` like the Dockerfile parser does. */
export function substituteArgs(value: string, args: Readonly<Record<string, string | undefined>>): string {
  return value.replace(/\$\{(\w+)(?::([-+])([^}]*))?\}|\$(\w+)/g, (_m, braced: string, op: string, word: string, bare: string) => {
    const name = braced ?? bare;
    const v = args[name];
    if (op === '-') return v ? v : (word ?? '');
    if (op === '+') return v ? (word ?? '') : '';
    return v ?? '';
  });
}

/**
 * The `FROM` images of a Dockerfile, with the `ARG`s declared before the first `FROM` (their
 * defaults, overridden by `buildArgs`) substituted. Stage references (`FROM builder`) and `scratch`
 * are left out: what remains are images the build pulls.
 */
export function baseImages(text: string, buildArgs: Readonly<Record<string, string>> = {}): FromInstruction[] {
  const args: Record<string, string | undefined> = {};
  const stages = new Set<string>();
  const froms: FromInstruction[] = [];
  let seenFrom = false;
  for (const instruction of dockerfileInstructions(text)) {
    const [keyword = '', ...rest] = instruction.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && !seenFrom) {
      for (const decl of rest) {
        const eq = decl.indexOf('=');
        const name = eq >= 0 ? decl.slice(0, eq) : decl;
        const fallback = eq >= 0 ? decl.slice(eq + 1).replace(/^"(.*)"$/, '$1') : undefined;
        args[name] = buildArgs[name] ?? fallback;
      }
    } else if (upper === 'FROM') {
      seenFrom = true;
      const words = rest.filter((w) => !w.startsWith('--'));
      const image = substituteArgs(words[0] ?? '', args);
      const stage = words[1]?.toUpperCase() === 'AS' ? words[2]?.toLowerCase() : undefined;
      if (image && image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) froms.push({ image, stage });
      if (stage) stages.add(stage);
    }
  }
  return froms;
}
