import type { EngineAuth } from '../engine/registry';
import { RegistryAuthError, RegistryRequestError } from '../errors';
import { httpGet, parseChallenge, registryBaseUrl, type HttpAnswer } from './registry-http';

const TIMEOUT_MS = 15_000;

function basic(auth: EngineAuth | undefined): string | undefined {
  if (!auth?.username) return undefined;
  return `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`;
}

async function bearerToken(registry: string, challenge: Record<string, string>, auth: EngineAuth | undefined): Promise<string> {
  const realm = challenge['realm'];
  if (!realm) throw new RegistryAuthError(registry, 'the registry asked for a token but named no realm');
  const url = new URL(realm);
  if (challenge['service']) url.searchParams.set('service', challenge['service']);
  url.searchParams.set('scope', 'registry:catalog:*');
  const headers: Record<string, string> = {};
  const authorization = basic(auth);
  if (authorization) headers['Authorization'] = authorization;
  const answer = await httpGet(url.toString(), headers, TIMEOUT_MS);
  if (answer.status !== 200) throw new RegistryAuthError(registry, `token endpoint answered HTTP ${answer.status}`);
  const body = JSON.parse(answer.body) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (!token) throw new RegistryAuthError(registry, 'token endpoint returned no token');
  return token;
}

/**
 * Lists a registry's repositories (following its `Link` pages) with its catalog API (`GET /v2/_catalog`), answering a
 * `Basic` challenge with the credentials and a `Bearer` challenge with a token from its realm.
 */
export async function listCatalog(registry: string, auth: EngineAuth | undefined): Promise<string[]> {
  const base = registryBaseUrl(registry);
  const names: string[] = [];
  let next: string | undefined = '/v2/_catalog?n=100';
  let authorization: string | undefined;
  try {
    for (let page = 0; next && page < 1000; page += 1) {
      const url = new URL(next, base).toString();
      let answer: HttpAnswer = await httpGet(url, headersWith(authorization), TIMEOUT_MS);
      if (answer.status === 401 && !authorization) {
        const challenge = parseChallenge(answer.headers['www-authenticate']);
        authorization = challenge?.scheme === 'bearer' ? `Bearer ${await bearerToken(registry, challenge.params, auth)}` : basic(auth);
        if (!authorization) throw new RegistryAuthError(registry, 'the registry requires credentials and none are configured');
        answer = await httpGet(url, headersWith(authorization), TIMEOUT_MS);
      }
      if (answer.status === 401 || answer.status === 403) {
        throw new RegistryAuthError(registry, `catalog request answered HTTP ${answer.status}: ${answer.body.trim().slice(0, 200)}`);
      }
      if (answer.status !== 200) {
        throw new RegistryRequestError(registry, 'Catalog request', `HTTP ${answer.status}: ${answer.body.trim().slice(0, 200)}`);
      }
      names.push(...((JSON.parse(answer.body) as { repositories?: string[] }).repositories ?? []));
      next = /<([^>]+)>;\s*rel="?next"?/.exec(String(answer.headers['link'] ?? ''))?.[1];
    }
    return names;
  } catch (error) {
    if (error instanceof RegistryAuthError || error instanceof RegistryRequestError) throw error;
    throw new RegistryRequestError(registry, 'Catalog request', (error as Error).message, { cause: error });
  }
}

function headersWith(authorization: string | undefined): Record<string, string> {
  return authorization ? { Accept: 'application/json', Authorization: authorization } : { Accept: 'application/json' };
}
