import { ImageName, InvalidArgumentError } from 'berth';

const HEX = 'a'.repeat(64);
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('ImageName.fromString (Docker reference grammar)', () => {
  // [input, registry, image, tag, digest, string, canonical]
  const valid: [string, string | undefined, string, string, string | undefined, string, string][] = [
    ['redis', undefined, 'redis', 'latest', undefined, 'redis:latest', 'docker.io/library/redis:latest'],
    ['redis:7', undefined, 'redis', '7', undefined, 'redis:7', 'docker.io/library/redis:7'],
    ['library/redis:7', undefined, 'library/redis', '7', undefined, 'library/redis:7', 'docker.io/library/redis:7'],
    ['docker.io/redis', 'docker.io', 'redis', 'latest', undefined, 'docker.io/redis:latest', 'docker.io/library/redis:latest'],
    ['index.docker.io/library/redis:7', 'index.docker.io', 'library/redis', '7', undefined, 'index.docker.io/library/redis:7', 'docker.io/library/redis:7'],
    ['bitnami/redis:7.2', undefined, 'bitnami/redis', '7.2', undefined, 'bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
    ['127.0.0.1:5000/app:1', '127.0.0.1:5000', 'app', '1', undefined, '127.0.0.1:5000/app:1', '127.0.0.1:5000/app:1'],
    ['localhost/app', 'localhost', 'app', 'latest', undefined, 'localhost/app:latest', 'localhost/app:latest'],
    ['localhost:5000/team/app:v1', 'localhost:5000', 'team/app', 'v1', undefined, 'localhost:5000/team/app:v1', 'localhost:5000/team/app:v1'],
    ['registry.example.com/a/b/c:1.0-rc_1', 'registry.example.com', 'a/b/c', '1.0-rc_1', undefined, 'registry.example.com/a/b/c:1.0-rc_1', 'registry.example.com/a/b/c:1.0-rc_1'],
    ['Registry.Example.com/app', 'Registry.Example.com', 'app', 'latest', undefined, 'Registry.Example.com/app:latest', 'Registry.Example.com/app:latest'],
    ['[::1]:5000/app:2', '[::1]:5000', 'app', '2', undefined, '[::1]:5000/app:2', '[::1]:5000/app:2'],
    ['[fe80::1]/app', '[fe80::1]', 'app', 'latest', undefined, '[fe80::1]/app:latest', '[fe80::1]/app:latest'],
    [`redis@${DIGEST}`, undefined, 'redis', 'latest', DIGEST, `redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    [`redis:7@${DIGEST}`, undefined, 'redis', '7', DIGEST, `redis:7@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    [`127.0.0.1:5000/app@${DIGEST}`, '127.0.0.1:5000', 'app', 'latest', DIGEST, `127.0.0.1:5000/app@${DIGEST}`, `127.0.0.1:5000/app@${DIGEST}`],
    ['a.b__c-d--e_f:Tag_1.x', undefined, 'a.b__c-d--e_f', 'Tag_1.x', undefined, 'a.b__c-d--e_f:Tag_1.x', 'docker.io/library/a.b__c-d--e_f:Tag_1.x'],
    ['foo_bar.com:8080', undefined, 'foo_bar.com', '8080', undefined, 'foo_bar.com:8080', 'docker.io/library/foo_bar.com:8080'],
    [HEX, undefined, HEX, 'latest', undefined, HEX, `sha256:${HEX}`],
    [`sha256:${HEX}`, undefined, `sha256:${HEX}`, 'latest', undefined, `sha256:${HEX}`, `sha256:${HEX}`],
  ];

  it.each(valid)('%s', (input, registry, image, tag, digest, string, canonical) => {
    const name = ImageName.fromString(input);
    expect({ registry: name.registry, image: name.image, tag: name.tag, digest: name.digest }).toEqual({ registry, image, tag, digest });
    expect(name.string).toBe(string);
    expect(name.canonical).toBe(canonical);
    // Rendering is stable: parsing the rendering gives the same name.
    expect(ImageName.fromString(name.string).equals(name)).toBe(true);
  });

  const invalid: [string, RegExp][] = [
    ['', /expected/],
    ['Redis', /lowercase/],
    ['team/App:1', /lowercase/],
    ['redis:', /invalid tag ""/],
    ['redis:-x', /invalid tag/],
    [`redis:${'x'.repeat(129)}`, /invalid tag/],
    ['redis@sha256:abc', /invalid digest/],
    ['redis@', /invalid digest/],
    ['-redis', /invalid path component/],
    ['redis-', /invalid path component/],
    ['re..dis', /invalid path component/],
    ['a//b', /invalid path component/],
    ['a/', /invalid path component/],
    ['has space', /whitespace/],
    ['-bad.com/app', /invalid registry/],
    ['localhost:port/app', /invalid registry/],
    [':7', /empty/],
    [`${HEX}:1`, /reserved for image ids/],
    [`${'a'.repeat(256)}`, /at most 255/],
  ];

  it.each(invalid)('rejects %j', (input, message) => {
    expect(() => ImageName.fromString(input)).toThrow(InvalidArgumentError);
    expect(() => ImageName.fromString(input)).toThrow(message);
  });

  it('compares canonical forms', () => {
    expect(ImageName.fromString('redis').equals(ImageName.fromString('docker.io/library/redis:latest'))).toBe(true);
    expect(ImageName.fromString('redis:7').equals(ImageName.fromString('redis:7.0'))).toBe(false);
    expect(ImageName.fromString('localhost/app').equals(ImageName.fromString('app'))).toBe(false);
    expect(ImageName.fromString(`app:1@${DIGEST}`).equals(ImageName.fromString(`app@${DIGEST}`))).toBe(true);
  });

  it('reports the effective registry and repository', () => {
    expect(ImageName.fromString('redis:7').effectiveRegistry).toBe('docker.io');
    expect(ImageName.fromString('registry-1.docker.io/library/redis').effectiveRegistry).toBe('docker.io');
    expect(ImageName.fromString('127.0.0.1:5000/app:1').effectiveRegistry).toBe('127.0.0.1:5000');
    expect(ImageName.fromString('127.0.0.1:5000/app:1').repository).toBe('127.0.0.1:5000/app');
  });
});

describe('ImageName.fromUserReference (TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX)', () => {
  const cases: [string, string | undefined, string][] = [
    ['redis:7', undefined, 'redis:7'],
    ['redis:7', 'mirror.local:5000', 'mirror.local:5000/redis:7'],
    ['redis:7', 'mirror.local/hub/', 'mirror.local/hub/redis:7'],
    ['bitnami/redis', 'mirror.local', 'mirror.local/bitnami/redis:latest'],
    [`redis:7@${DIGEST}`, 'mirror.local', `mirror.local/redis:7@${DIGEST}`],
    [`redis@${DIGEST}`, 'mirror.local', `mirror.local/redis@${DIGEST}`],
    ['127.0.0.1:5000/app:1', 'mirror.local', '127.0.0.1:5000/app:1'],
    ['docker.io/redis:7', 'mirror.local', 'docker.io/redis:7'],
    [HEX, 'mirror.local', HEX],
  ];
  it.each(cases)('%s with prefix %s', (input, prefix, expected) => {
    expect(ImageName.fromUserReference(input, prefix).string).toBe(expected);
  });
});
