/** The fields of the engine's `/version` answer berth uses. */
export interface VersionResponse {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
  Platform?: { Name?: string };
  Components?: Array<{ Name?: string; Version?: string }>;
}

/** The newest Engine API version berth has been written and tested against. */
export const MAX_CLIENT_API_VERSION = '1.45';

/** The API version assumed when `/version` does not say (the oldest engine berth supports: Docker 20.10). */
export const FALLBACK_API_VERSION = '1.41';

const VERSION = /^\d+\.\d+$/;

/** Compares two `major.minor` API versions numerically (`1.9` < `1.41`). */
export function compareApiVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/**
 * Picks the API version to speak: the engine's own version, capped at the newest berth knows
 * ({@link MAX_CLIENT_API_VERSION}), and never below the engine's minimum (an engine that dropped
 * berth's version still gets one it accepts).
 */
export function negotiateApiVersion(version: VersionResponse): string {
  const server = version.ApiVersion && VERSION.test(version.ApiVersion) ? version.ApiVersion : FALLBACK_API_VERSION;
  let chosen = compareApiVersions(server, MAX_CLIENT_API_VERSION) > 0 ? MAX_CLIENT_API_VERSION : server;
  const min = version.MinAPIVersion;
  if (min && VERSION.test(min) && compareApiVersions(chosen, min) < 0) chosen = min;
  return chosen;
}

/** Whether `/version` came from Podman's Docker-compatible API (a `Podman Engine` component or platform). */
export function isPodmanVersion(version: VersionResponse): boolean {
  if (/podman/i.test(version.Platform?.Name ?? '')) return true;
  return (version.Components ?? []).some((c) => /podman/i.test(c.Name ?? ''));
}
