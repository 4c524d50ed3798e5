import { baseImages, dockerfileInstructions, substituteArgs } from '../../../src/image/dockerfile';

describe('Dockerfile FROM parsing', () => {
  it('joins continued lines and drops comments', () => {
    expect(dockerfileInstructions('# syntax=docker/dockerfile:1\nFROM a \\\n  AS b\n\n# c\nRUN x \\\n# inside\n  y\n')).toEqual([
      'FROM a AS b',
      'RUN x y',
    ]);
  });

  it.each([
    ['${A}', { A: '1' }, '1'],
    ['$A/b', { A: 'x' }, 'x/b'],
    ['${A:-def}', {}, 'def'],
    ['${A:-def}', { A: 'set' }, 'set'],
    ['${A:+alt}', { A: 'set' }, 'alt'],
    ['${A:+alt}', {}, ''],
    ['${MISSING}', {}, ''],
  ])('substitutes %s', (input, args, expected) => {
    expect(substituteArgs(input, args)).toBe(expected);
  });

  it('lists pulled base images: ARG defaults and build args, skipping stages and scratch', () => {
    const text = [
      'ARG BASE=debian:bookworm',
      'ARG REG',
      'FROM --platform=linux/amd64 ${BASE} AS build',
      'FROM ${REG:-127.0.0.1:5000}/tools:1 as tools',
      'FROM build',
      'FROM scratch',
      'COPY --from=tools / /',
    ].join('\n');
    expect(baseImages(text)).toEqual([
      { image: 'debian:bookworm', stage: 'build' },
      { image: '127.0.0.1:5000/tools:1', stage: 'tools' },
    ]);
    expect(baseImages(text, { BASE: 'redis:7', REG: 'mirror.local' }).map((f) => f.image)).toEqual(['redis:7', 'mirror.local/tools:1']);
  });
});
