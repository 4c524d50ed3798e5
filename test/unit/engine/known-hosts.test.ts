import { createHmac, randomBytes } from 'node:crypto';
import { findKnownHostKeys, hostFieldMatches, isTrustedHostKey, knownHostName } from '../../../src/engine/known-hosts';

const keyA = randomBytes(51);
const keyB = randomBytes(51);
const b64 = (b: Buffer): string => b.toString('base64');

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  it('names hosts like OpenSSH: bare on port 22, [host]:port otherwise', () => {
    expect(knownHostName('box', 22)).toBe('box');
    expect(knownHostName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });

  it.each<[string, string, boolean]>([
    ['box', 'box', true],
    ['other,box', 'box', true],
    ['BOX', 'box', true],
    ['*.example.com', 'ci.example.com', true],
    ['*.example.com,!bad.example.com', 'bad.example.com', false],
    ['bo?', 'box', true],
    ['[box]:2222', 'box', false],
    ['[box]:2222', '[box]:2222', true],
    ['box.example', 'box', false],
  ])('host field %j matches %j: %s', (field, name, expected) => {
    expect(hostFieldMatches(field, name)).toBe(expected);
  });

  it('matches hashed host names', () => {
    expect(hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2222')).toBe(true);
    expect(hostFieldMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2223')).toBe(false);
  });

  it('trusts listed keys only, and never revoked ones', () => {
    const text = [
      '# comment',
      `box ssh-ed25519 ${b64(keyA)} me@laptop`,
      `other ssh-ed25519 ${b64(keyB)}`,
      `@cert-authority *.example ssh-ed25519 ${b64(keyB)}`,
      '',
    ].join('\n');
    const known = findKnownHostKeys(text, 'box', 22);
    expect(isTrustedHostKey(known, keyA)).toBe(true);
    expect(isTrustedHostKey(known, keyB)).toBe(false);
    expect(isTrustedHostKey(findKnownHostKeys(text, 'unknown', 22), keyA)).toBe(false);
    expect(isTrustedHostKey(findKnownHostKeys(text, 'box', 2222), keyA)).toBe(false);
    const revoked = findKnownHostKeys(`${text}\n@revoked * ssh-ed25519 ${b64(keyA)}`, 'box', 22);
    expect(isTrustedHostKey(revoked, keyA)).toBe(false);
  });
});
