import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProperties, readConfig } from '../../src/config';
import { InvalidArgumentError } from '../../src/errors';

describe('parseProperties', () => {
  it('reads key=value, key: value and key value lines, skipping comments and blanks', () => {
    const text = [
      '# a comment',
      '! another comment',
      '',
      'docker.host=tcp://10.0.0.1:2375',
      'docker.tls.verify : 1',
      'docker.cert.path /home/me/certs ',
      '  ryuk.disabled=true  ',
      'empty=',
    ].join('\r\n');
    expect(parseProperties(text)).toEqual({
      'docker.host': 'tcp://10.0.0.1:2375',
      'docker.tls.verify': '1',
      'docker.cert.path': '/home/me/certs',
      'ryuk.disabled': 'true',
      empty: '',
    });
  });

  it('keeps "=" and ":" inside values', () => {
    expect(parseProperties('docker.host=tcp://h:2375?x=1')).toEqual({ 'docker.host': 'tcp://h:2375?x=1' });
  });
});

describe('readConfig', () => {
  const home = '/home/me';

  it('defaults', () => {
    const c = readConfig({}, {}, home);
    expect(c).toMatchObject({
      dockerHost: undefined,
      dockerTlsVerify: false,
      dockerCertPath: '/home/me/.docker',
      dockerConfigDir: '/home/me/.docker',
      dockerContext: undefined,
      propertiesDockerHost: undefined,
      hostOverride: undefined,
      homeDir: home,
      engineTimeoutMs: 4000,
      startupTimeoutMs: 60000,
      ci: false,
      interactive: false,
    });
  });

  it('reads the engine settings from the environment', () => {
    const c = readConfig(
      {
        DOCKER_HOST: ' tcp://10.0.0.1:2376 ',
        DOCKER_TLS_VERIFY: '1',
        DOCKER_CERT_PATH: '/certs',
        DOCKER_CONTEXT: 'colima',
        DOCKER_CONFIG: '/cfg',
        TESTCONTAINERS_HOST_OVERRIDE: 'docker.internal',
        XDG_RUNTIME_DIR: '/run/user/1000',
        SSH_AUTH_SOCK: '/tmp/agent.sock',
        BERTH_ENGINE_TIMEOUT_MS: '1500',
      },
      {},
      home,
    );
    expect(c).toMatchObject({
      dockerHost: 'tcp://10.0.0.1:2376',
      dockerTlsVerify: true,
      dockerCertPath: '/certs',
      dockerContext: 'colima',
      dockerConfigDir: '/cfg',
      hostOverride: 'docker.internal',
      xdgRuntimeDir: '/run/user/1000',
      sshAuthSock: '/tmp/agent.sock',
      engineTimeoutMs: 1500,
    });
  });

  it('treats empty variables as unset', () => {
    const c = readConfig({ DOCKER_HOST: '', DOCKER_CONTEXT: '  ', TESTCONTAINERS_HOST_OVERRIDE: '' }, {}, home);
    expect(c.dockerHost).toBeUndefined();
    expect(c.dockerContext).toBeUndefined();
    expect(c.hostOverride).toBeUndefined();
  });

  it.each([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['0', false],
    ['false', false],
    ['FALSE', false],
    ['', false],
  ])('DOCKER_TLS_VERIFY=%j -> %s (set and not 0/false, like the Docker CLI)', (value, expected) => {
    expect(readConfig({ DOCKER_TLS_VERIFY: value }, {}, home).dockerTlsVerify).toBe(expected);
    expect(readConfig({}, { 'docker.tls.verify': value }, home).propertiesTlsVerify).toBe(expected);
  });

  it('reads docker.host, docker.tls.verify and docker.cert.path from the properties file', () => {
    const c = readConfig({}, parseProperties('docker.host=tcp://h:2376\ndocker.tls.verify=1\ndocker.cert.path=/p'), home);
    expect(c).toMatchObject({ propertiesDockerHost: 'tcp://h:2376', propertiesTlsVerify: true, propertiesCertPath: '/p' });
  });

  it('CI=true turns off the interactive display', () => {
    expect(readConfig({}, {}, home, true).interactive).toBe(true);
    expect(readConfig({ CI: 'true' }, {}, home, true)).toMatchObject({ ci: true, interactive: false });
  });

  it.each(['0', '-5', '1.5', 'soon'])('rejects BERTH_ENGINE_TIMEOUT_MS=%j with InvalidArgumentError', (value) => {
    expect(() => readConfig({ BERTH_ENGINE_TIMEOUT_MS: value }, {}, home)).toThrow(InvalidArgumentError);
    expect(() => readConfig({ BERTH_ENGINE_TIMEOUT_MS: value }, {}, home)).toThrow(
      `Invalid BERTH_ENGINE_TIMEOUT_MS: ${JSON.stringify(value)} (expected a positive whole number of milliseconds)`,
    );
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/configuration.md'), 'utf8');
  const rows = doc.split('\n').filter((line) => line.startsWith('|'));

  it.each(Object.keys(readConfig({}, {}, '/home/me')))('has a table row for the setting %s', (key) => {
    expect(rows.some((row) => row.includes(`\`${key}\``))).toBe(true);
  });
});
