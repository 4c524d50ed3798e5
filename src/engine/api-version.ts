/** The fields of the engine's `/version` answer berth uses. */
export interface VersionResponse {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
  Components?: Array<{ Name?: string; Version?: string }>;
}

/** The newest Engine API version berth has been written and tested against. */
export const MAX_CLIENT_API_VERSION = '1.45';

function compare(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/**
 * Picks the API version to speak: the engine's own version, capped at the newest berth knows,
 * and never below the engine's minimum.
 */
export function negotiateApiVersion(version: VersionResponse): string {
  const server = version.ApiVersion ?? '1.41';
  let chosen = compare(server, MAX_CLIENT_API_VERSION) > 0 ? MAX_CLIENT_API_VERSION : server;
  if (version.MinAPIVersion && compare(chosen, version.MinAPIVersion) < 0) chosen = version.MinAPIVersion;
  return chosen;
}
