import { GenericContainerBuilder, InvalidArgumentError, PullPolicy, RandomUuid } from 'berth';
import { defaultBuildImageName, toBuildQuery, type BuildSpec } from '../../../src/image/build-image';
import { LABEL_TESTCONTAINERS, LABEL_TESTCONTAINERS_SESSION_ID } from '../../../src/labels';

const base: BuildSpec = { context: '.', dockerfile: 'Dockerfile', buildArgs: {}, cache: true, buildkit: false, labels: {} };

describe('toBuildQuery', () => {
  const cases: [string, Partial<BuildSpec>, boolean, Record<string, unknown>][] = [
    ['defaults', {}, true, { version: '1', rm: true, forcerm: true, buildargs: {} }],
    ['build args', { buildArgs: { A: '1' } }, true, { buildargs: { A: '1' } }],
    ['target', { target: 'first' }, true, { target: 'first' }],
    ['no cache', { cache: false }, true, { nocache: true }],
    ['alwaysPull', { pullPolicy: PullPolicy.alwaysPull() }, true, { pull: true }],
    ['platform', { platform: 'linux/arm64' }, true, { platform: 'linux/arm64' }],
    ['BuildKit', { buildkit: true }, true, { version: '2' }],
    ['network mode', { networkMode: 'host' }, true, { networkmode: 'host' }],
  ];
  it.each(cases)('%s', (_name, spec, deleteOnExit, expected) => {
    const query = toBuildQuery({ ...base, ...spec }, 'localhost/x:1', 'Dockerfile', deleteOnExit, 'abcdef123456');
    expect(query).toMatchObject({ t: 'localhost/x:1', dockerfile: 'Dockerfile', ...expected });
  });

  it('leaves out what was not asked for', () => {
    const query = toBuildQuery({ ...base, pullPolicy: PullPolicy.defaultPolicy() }, 'x:1', 'Dockerfile', true, 's');
    expect(query).not.toHaveProperty('nocache');
    expect(query).not.toHaveProperty('pull');
    expect(query).not.toHaveProperty('target');
    expect(query).not.toHaveProperty('platform');
  });

  it('labels with berth labels, and with the session only for deleteOnExit', () => {
    const withSession = toBuildQuery({ ...base, labels: { own: 'x' } }, 'x:1', 'Dockerfile', true, 'sess');
    expect(withSession.labels).toMatchObject({ own: 'x', [LABEL_TESTCONTAINERS]: 'true', [LABEL_TESTCONTAINERS_SESSION_ID]: 'sess' });
    const without = toBuildQuery(base, 'x:1', 'Dockerfile', false, 'sess');
    expect(without.labels?.[LABEL_TESTCONTAINERS_SESSION_ID]).toBeUndefined();
  });

  it('names images localhost/<uuid12>:<uuid12> by default', () => {
    expect(defaultBuildImageName()).toMatch(/^localhost\/[a-f0-9]{12}:[a-f0-9]{12}$/);
  });
});

describe('GenericContainerBuilder constructor (API-COMPAT 1.10)', () => {
  it('takes a Uuid as its third argument and uses it for the default image name', () => {
    let n = 0;
    expect(defaultBuildImageName(() => `id${++n}`)).toBe('localhost/id1:id2');
    expect(() => new GenericContainerBuilder('.', 'Dockerfile', new RandomUuid())).not.toThrow();
  });

  it('rejects a third argument that is not a Uuid', () => {
    const notUuid = ((image: string) => image) as unknown as RandomUuid;
    expect(() => new GenericContainerBuilder('.', 'Dockerfile', notUuid)).toThrow(InvalidArgumentError);
  });
});
