import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ignore from '@balena/dockerignore';
import tar from 'tar-fs';
import { InvalidArgumentError } from '../errors';

/** A build context ready to send: the tar stream and where the Dockerfile sits in it. */
export interface PackedContext {
  tar: Readable;
  /** The Dockerfile's path inside the tar (posix), for the build's `dockerfile` parameter. */
  dockerfile: string;
  /** The Dockerfile's text (to find its `FROM` images). */
  dockerfileText: string;
  /** Relative paths packed, in order (for tests and the `berth:build` log). */
  entries: string[];
}

/** Reads `.dockerignore` at the context root into patterns (comments and blank lines dropped, like Docker). */
export function readDockerignore(contextDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(contextDir, '.dockerignore'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * The context's paths that `.dockerignore` keeps, as Docker's CLI chooses them: patterns follow
 * Docker's rules (`*`, `?`, `**`, `!` exceptions; later lines win), an excluded folder is still
 * walked when exceptions may re-include something inside it (then its parents are kept), and
 * the Dockerfile and `.dockerignore` are always sent.
 */
export async function contextEntries(contextDir: string, patterns: readonly string[], dockerfileInContext?: string): Promise<string[]> {
  const keepAlways = ['.dockerignore', ...(dockerfileInContext ? [dockerfileInContext] : [])];
  const rules = patterns.length ? [...patterns, ...keepAlways.map((p) => `!${p}`)] : [];
  const ig = ignore().add(rules);
  const hasExceptions = rules.some((r) => r.startsWith('!'));
  const out: string[] = [];
  const walk = async (relDir: string): Promise<boolean> => {
    const dirents = await fs.readdir(path.join(contextDir, relDir), { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : 1));
    let keptAny = false;
    for (const d of dirents) {
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      const excluded = ig.ignores(rel);
      if (d.isDirectory()) {
        if (excluded && !hasExceptions) continue;
        const index = out.length;
        if (!excluded) out.push(rel);
        const keptInside = await walk(rel);
        // An excluded folder that holds re-included files is sent too, as Docker does.
        if (excluded && keptInside) out.splice(index, 0, rel);
        keptAny ||= !excluded || keptInside;
      } else if (!excluded && (d.isFile() || d.isSymbolicLink())) {
        out.push(rel);
        keptAny = true;
      }
    }
    return keptAny;
  };
  await walk('');
  return out;
}

function assertDirectory(contextDir: string): void {
  let isDir = false;
  try {
    isDir = statSync(contextDir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new InvalidArgumentError('build context', contextDir, 'expected an existing folder');
}

/**
 * Packs a build context with tar-fs, honouring `.dockerignore`. The Dockerfile may sit anywhere:
 * inside the context it is sent where it is; outside, it is added under a generated name that the
 * sent `.dockerignore` lists (so `COPY . .` does not copy it).
 * Files are owned by root in the tar, as the Docker CLI sends them.
 */
export async function packBuildContext(context: string, dockerfile: string): Promise<PackedContext> {
  const contextDir = path.resolve(context);
  assertDirectory(contextDir);
  const dockerfilePath = path.resolve(contextDir, dockerfile);
  let dockerfileText: string;
  try {
    dockerfileText = readFileSync(dockerfilePath, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError('Dockerfile', dockerfilePath, `cannot read it: ${(error as Error).message}`, { cause: error });
  }
  const rel = path.relative(contextDir, dockerfilePath);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const inTar = inside ? rel.split(path.sep).join('/') : `.berth-dockerfile-${randomBytes(6).toString('hex')}`;
  const patterns = readDockerignore(contextDir);
  let entries = await contextEntries(contextDir, patterns, inside ? inTar : undefined);
  let extra: { name: string; content: string }[] = [];
  if (!inside) {
    // As the Docker CLI does: add the Dockerfile under a generated name, and list that name in the
    // sent .dockerignore so that the engine keeps it out of COPY/ADD.
    entries = entries.filter((e) => e !== '.dockerignore');
    const ignoreText = [...patterns, inTar].join('\n') + '\n';
    extra = [
      { name: inTar, content: dockerfileText },
      { name: '.dockerignore', content: ignoreText },
    ];
  }
  const pack = tar.pack(contextDir, {
    entries,
    ignore: () => true, // every path is listed in `entries`: do not recurse on top of that
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
    finalize: inside,
    finish: inside
      ? undefined
      : (p) => {
          for (const file of extra) p.entry({ name: file.name, mode: 0o644, mtime: new Date() }, file.content);
          p.finalize();
        },
  });
  return { tar: pack as unknown as Readable, dockerfile: inTar, dockerfileText, entries: [...entries, ...extra.map((e) => e.name)] };
}
