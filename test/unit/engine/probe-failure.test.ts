import { describeProbeFailure, ProbeTimeout } from '../../../src/engine/probe';

function err(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('describeProbeFailure', () => {
  it.each<[string, unknown, RegExp]>([
    ['timeout', new ProbeTimeout(4000), /^no answer within 4000 ms/],
    ['refused', err('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }), /^connection refused: connect ECONNREFUSED 127\.0\.0\.1:1$/],
    ['missing socket', err('connect ENOENT /x.sock', { code: 'ENOENT' }), /^socket does not exist: .*\/x\.sock/],
    ['permission', err('connect EACCES /var/run/docker.sock', { code: 'EACCES' }), /^permission denied: .*docker group/],
    ['dns', err('getaddrinfo ENOTFOUND nohost.invalid', { code: 'ENOTFOUND' }), /^host not found: .*nohost\.invalid/],
    ['unreachable', err('connect EHOSTUNREACH 10.0.0.1:2375', { code: 'EHOSTUNREACH' }), /^host unreachable/],
    ['plain server, TLS client', err('wrong version number', { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), /does not speak TLS/],
    ['bad certificate', err('self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), /^TLS certificate rejected: self-signed/],
    ['wrong name', err("Hostname/IP does not match certificate's altnames", { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), /^TLS certificate rejected/],
    ['ssh auth', err('All configured authentication methods failed', { level: 'client-authentication' }), /^SSH authentication failed: .*ssh-agent/],
    ['ssh timeout', err('Timed out while waiting for handshake', { level: 'client-timeout' }), /^SSH handshake timed out/],
    [
      'TLS server, plain client',
      err('(HTTP code 400) unexpected - Client sent an HTTP request to an HTTPS server.', { statusCode: 400 }),
      /^the engine expects TLS: Client sent an HTTP request to an HTTPS server\..*DOCKER_TLS_VERIFY=1/,
    ],
    ['not an engine', err('(HTTP code 404) unexpected - page not found', { statusCode: 404, json: { message: 'page not found' } }), /^answered \/version with HTTP 404: page not found/],
    ['anything else', new Error('socket hang up'), /^socket hang up$/],
  ])('%s', (_name, error, expected) => {
    expect(describeProbeFailure(error)).toMatch(expected);
  });
});
