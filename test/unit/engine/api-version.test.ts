import {
  compareApiVersions,
  isPodmanVersion,
  MAX_CLIENT_API_VERSION,
  negotiateApiVersion,
  type VersionResponse,
} from '../../../src/engine/api-version';

describe('negotiateApiVersion', () => {
  it.each<[string, VersionResponse, string]>([
    ['Docker 20.10 speaks its own 1.41', { ApiVersion: '1.41', MinAPIVersion: '1.12' }, '1.41'],
    ['an older engine (1.40) keeps its version', { ApiVersion: '1.40', MinAPIVersion: '1.12' }, '1.40'],
    ['a newer engine is capped at the newest berth knows', { ApiVersion: '1.47', MinAPIVersion: '1.24' }, MAX_CLIENT_API_VERSION],
    ['never below the engine minimum', { ApiVersion: '1.52', MinAPIVersion: '1.46' }, '1.46'],
    ['minors compare as numbers (1.9 < 1.41)', { ApiVersion: '1.9', MinAPIVersion: '1.9' }, '1.9'],
    ['Podman 4 answers 1.41', { ApiVersion: '1.41', MinAPIVersion: '1.24', Components: [{ Name: 'Podman Engine' }] }, '1.41'],
    ['no ApiVersion: 1.41', {}, '1.41'],
    ['garbage ApiVersion: 1.41', { ApiVersion: 'v2' }, '1.41'],
    ['garbage minimum is ignored', { ApiVersion: '1.43', MinAPIVersion: 'x' }, '1.43'],
  ])('%s', (_name, version, expected) => {
    expect(negotiateApiVersion(version)).toBe(expected);
  });

  it('compares major.minor numerically', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.41')).toBe(0);
    expect(compareApiVersions('2.0', '1.99')).toBeGreaterThan(0);
  });
});

describe('isPodmanVersion', () => {
  it.each<[VersionResponse, boolean]>([
    [{ Components: [{ Name: 'Engine' }, { Name: 'containerd' }], Platform: { Name: 'Docker Engine - Community' } }, false],
    [{ Components: [{ Name: 'Podman Engine', Version: '4.9.3' }] }, true],
    [{ Platform: { Name: 'linux/amd64/debian-12 Podman' } }, true],
    [{}, false],
  ])('%j -> %s', (version, expected) => {
    expect(isPodmanVersion(version)).toBe(expected);
  });
});
