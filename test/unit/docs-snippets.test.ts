// House rule 8: every ts/js block in README.md and docs/*.md is a region of an example under
// examples/ (type-checked and run by CI). Fix a failure with `npm run docs:sync` (drift), or by
// moving the code into an example region and adding `<!-- snippet: examples/FILE.ts#region -->`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CHECKED_LANGUAGES,
  documentationFiles,
  expectedSnippet,
  extractRegion,
  findCodeBlocks,
} from '../../scripts/sync-snippets';

const root = path.resolve(__dirname, '../..');

describe('documentation snippets', () => {
  const files = documentationFiles(root);

  it.each(files)('%s: every ts/js block names an example region and equals it', (file) => {
    const problems: string[] = [];
    for (const block of findCodeBlocks(readFileSync(path.join(root, file), 'utf8'))) {
      const where = `${file}:${block.line}`;
      if (!block.source) {
        if (CHECKED_LANGUAGES.has(block.language)) problems.push(`${where}: no <!-- snippet: examples/FILE.ts#region --> marker`);
        continue;
      }
      let expected: string;
      try {
        expected = expectedSnippet(root, block.source);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
        continue;
      }
      if (expected !== block.body) problems.push(`${where}: differs from ${block.source.file}#${block.source.region ?? ''} (run npm run docs:sync)`);
    }
    expect(problems).toEqual([]);
  });
});

describe('extractRegion', () => {
  const source = [
    "import { a } from 'berth';",
    '// --- shown ---',
    "import { b } from 'berth';",
    '// --- end ---',
    '',
    'async function main() {',
    '  // --- shown ---',
    '  await a();',
    '  // --- inner ---',
    '  await b();',
    '  // --- end inner ---',
    '  // --- end shown ---',
    '}',
  ].join('\n');

  it('joins the segments of a region, each dedented, and leaves out every marker line', () => {
    expect(extractRegion(source, 'shown')).toBe("import { b } from 'berth';\n\nawait a();\nawait b();");
    expect(extractRegion(source, 'inner')).toBe('await b();');
  });

  it('returns the whole file without marker lines when no region is named', () => {
    expect(extractRegion(source)).not.toContain('// ---');
    expect(extractRegion(source)).toContain('async function main() {\n  await a();\n  await b();\n}');
  });

  it('rejects a missing region and unbalanced markers', () => {
    expect(() => extractRegion(source, 'nope', 'x.ts')).toThrow('no region "nope" in x.ts');
    expect(() => extractRegion('// --- a ---\ncode', 'a', 'x.ts')).toThrow('region "a" has no end: x.ts');
    expect(() => extractRegion('code\n// --- end ---', 'a', 'x.ts')).toThrow('region end without a start: x.ts:2');
    expect(() => extractRegion('// --- a ---\n// --- end b ---', 'a', 'x.ts')).toThrow('region end "b" closes "a"');
  });
});

describe('findCodeBlocks', () => {
  it('reads the marker on the line right above the fence; other blocks have none', () => {
    const markdown = ['<!-- snippet: examples/x.ts#r -->', '```ts', 'code', '```', '', '```sh', 'npm test', '```'].join('\n');
    const [ts, sh] = findCodeBlocks(markdown);
    expect(ts).toMatchObject({ line: 2, language: 'ts', body: 'code', source: { file: 'examples/x.ts', region: 'r' } });
    expect(sh).toMatchObject({ line: 6, language: 'sh', body: 'npm test' });
    expect(sh?.source).toBeUndefined();
  });

  it('rejects a source outside examples/', () => {
    expect(() => expectedSnippet(root, { file: 'src/index.ts' })).toThrow('snippet source outside examples/');
    expect(() => expectedSnippet(root, { file: 'examples/no-such-file.ts' })).toThrow('snippet source not found');
  });
});
