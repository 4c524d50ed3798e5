/** What berth learned about the engine it talks to (from `/version`). */
export interface EngineInfo {
  /** Engine version, e.g. `20.10.24`. */
  serverVersion: string;
  /** The API version berth negotiated and uses for every request, e.g. `1.41`. */
  apiVersion: string;
  /** The oldest API version the engine accepts. */
  minApiVersion: string;
  /** `linux` or `windows`. */
  os: string;
  /** CPU architecture, e.g. `amd64`. */
  arch: string;
  /** Whether the engine is Podman's Docker-compatible API. */
  isPodman: boolean;
}
