// Documentation code is executed code: every code block in README.md and docs/*.md is a copy of a
// region of a file under examples/ (which CI type-checks and runs). This script rewrites each block
// from its source; test/unit/docs-snippets.test.ts fails when a block has drifted or has no source.
//
// In Markdown, the line right before the opening fence names the source:
//   <!-- snippet: examples/hello-world.ts#one-shot -->     a region of the file
//   <!-- snippet: examples/errors.ts -->                   the whole file
// In the example, a region is delimited by marker comments (the marker lines themselves are left out):
//   // --- one-shot ---   ...   // --- end ---          (or `// --- end one-shot ---`)
// A region may be opened several times in a file (e.g. once around the imports and once inside
// main()): the block is its segments in order, each dedented, separated by one blank line.
// Regions may nest; the marker lines of every region are left out of every other region.
//
// Run: npx tsx scripts/sync-snippets.ts [--check]    (npm run docs:sync)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Fenced code blocks in these languages must carry a snippet marker. */
export const CHECKED_LANGUAGES: ReadonlySet<string> = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'jsx', 'mts', 'cts']);

const MARKER = /^<!--\s*snippet:\s*(\S+?)(?:#([\w.-]+))?\s*-->\s*$/;
const REGION = /^\s*\/\/ --- (?:end(?: ([\w.-]+))?|([\w.-]+)) ---\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;

/** A fenced code block of a Markdown file, with the snippet marker right above it, if any. */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  line: number;
  language: string;
  /** Index (0-based) of the first body line and one past the last, in the file's lines. */
  bodyStart: number;
  bodyEnd: number;
  body: string;
  source?: { file: string; region?: string };
}

/** The fenced code blocks of a Markdown text. */
export function findCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[2] ?? '```';
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
    const marker = i > 0 ? MARKER.exec(lines[i - 1] ?? '') : null;
    blocks.push({
      line: i + 1,
      language: (open[3] ?? '').toLowerCase(),
      bodyStart: i + 1,
      bodyEnd: end,
      body: lines.slice(i + 1, end).join('\n'),
      ...(marker ? { source: { file: marker[1] ?? '', ...(marker[2] ? { region: marker[2] } : {}) } } : {}),
    });
    i = end;
  }
  return blocks;
}

/** Removes the common leading whitespace of the non-blank lines, and blank lines at both ends. */
function dedent(lines: string[]): string[] {
  const body = [...lines];
  while (body.length > 0 && (body[0] ?? '').trim() === '') body.shift();
  while (body.length > 0 && (body[body.length - 1] ?? '').trim() === '') body.pop();
  const indents = body.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return body.map((l) => (l.trim() === '' ? '' : l.slice(cut)));
}

/**
 * The text of `region` in `source` (the whole file without marker lines when `region` is omitted).
 * Throws when the region is missing, or a marker is unbalanced.
 */
export function extractRegion(source: string, region?: string, fileName = 'source'): string {
  const open: string[] = [];
  const segments: string[][] = [];
  let current: string[] | undefined;
  const whole: string[] = [];
  source.split('\n').forEach((line, index) => {
    const marker = REGION.exec(line);
    if (!marker) {
      whole.push(line);
      if (region !== undefined && open.includes(region)) (current ??= []).push(line);
      return;
    }
    const [, endName, startName] = marker;
    if (startName !== undefined) {
      if (open.includes(startName)) throw new Error(`region "${startName}" opened twice without an end: ${fileName}:${index + 1}`);
      open.push(startName);
    } else {
      const closing = open.pop();
      if (closing === undefined) throw new Error(`region end without a start: ${fileName}:${index + 1}`);
      if (endName !== undefined && endName !== closing) {
        throw new Error(`region end "${endName}" closes "${closing}": ${fileName}:${index + 1}`);
      }
      if (closing === region && current) {
        segments.push(current);
        current = undefined;
      }
    }
  });
  if (open.length > 0) throw new Error(`region "${open[open.length - 1] ?? ''}" has no end: ${fileName}`);
  if (region === undefined) return dedent(whole).join('\n');
  if (segments.length === 0) throw new Error(`no region "${region}" in ${fileName}`);
  return segments.map((segment) => dedent(segment).join('\n')).join('\n\n');
}

/** The text a marked block must hold, read from the repository at `root`. */
export function expectedSnippet(root: string, source: { file: string; region?: string }): string {
  const normalized = path.posix.normalize(source.file);
  if (!normalized.startsWith('examples/')) throw new Error(`snippet source outside examples/: ${source.file}`);
  let text: string;
  try {
    text = readFileSync(path.join(root, normalized), 'utf8');
  } catch {
    throw new Error(`snippet source not found: ${source.file}`);
  }
  return extractRegion(text, source.region, source.file);
}

/** README.md and docs/*.md, relative to `root`. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** Rewrites every marked block of `markdown` from its source; returns the new text and the blocks changed. */
export function syncMarkdown(root: string, markdown: string): { text: string; changed: number } {
  const lines = markdown.split('\n');
  let changed = 0;
  // Last block first, so the indexes of the earlier blocks stay valid.
  for (const block of findCodeBlocks(markdown).reverse()) {
    if (!block.source) continue;
    const expected = expectedSnippet(root, block.source);
    if (expected === block.body) continue;
    lines.splice(block.bodyStart, block.bodyEnd - block.bodyStart, ...expected.split('\n'));
    changed++;
  }
  return { text: lines.join('\n'), changed };
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const check = process.argv.includes('--check');
  let drifted = 0;
  for (const file of documentationFiles(root)) {
    const before = readFileSync(path.join(root, file), 'utf8');
    const { text, changed } = syncMarkdown(root, before);
    for (const block of findCodeBlocks(text)) {
      if (!block.source && CHECKED_LANGUAGES.has(block.language)) console.warn(`${file}:${block.line}: ${block.language} block without a snippet marker`);
    }
    if (changed === 0) continue;
    drifted += changed;
    if (check) console.log(`${file}: ${changed} block(s) differ from their source`);
    else {
      writeFileSync(path.join(root, file), text);
      console.log(`${file}: ${changed} block(s) updated`);
    }
  }
  if (check && drifted > 0) process.exitCode = 1;
  else if (drifted === 0) console.log('docs: every snippet matches its source');
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
