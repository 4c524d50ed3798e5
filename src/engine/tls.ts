import { existsSync, readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import path from 'node:path';

/** Where an endpoint's TLS material lives and how to check the server. */
export interface TlsAccess {
  /** Folder holding `ca.pem`, `cert.pem` and `key.pem` (each optional, like the Docker CLI). */
  certPath: string;
  /** Accept any server certificate (a Docker context's `SkipTLSVerify`). */
  skipVerify?: boolean;
}

/** The PEM files read from a {@link TlsAccess} folder. */
export interface TlsMaterial {
  ca: Buffer | undefined;
  cert: Buffer | undefined;
  key: Buffer | undefined;
}

function readIfPresent(dir: string, name: string): Buffer | undefined {
  const file = path.join(dir, name);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read TLS file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Reads `ca.pem`, `cert.pem` and `key.pem` from the folder. Like the Docker CLI, a missing file is
 * skipped (no `ca.pem`: the system's CAs; no `cert.pem`/`key.pem`: no client certificate), but a
 * client certificate without its key (or the reverse) is an error, and so is a folder with none of them
 * (unless verification is skipped).
 */
export function readTlsMaterial(access: TlsAccess): TlsMaterial {
  const dir = access.certPath;
  const material = { ca: readIfPresent(dir, 'ca.pem'), cert: readIfPresent(dir, 'cert.pem'), key: readIfPresent(dir, 'key.pem') };
  if (!material.ca && !material.cert && !material.key && !access.skipVerify) {
    throw new Error(`TLS is on but ${dir} holds none of ca.pem, cert.pem, key.pem (set DOCKER_CERT_PATH)`);
  }
  if (Boolean(material.cert) !== Boolean(material.key)) {
    throw new Error(`TLS folder ${dir} has ${material.cert ? 'cert.pem without key.pem' : 'key.pem without cert.pem'}`);
  }
  return material;
}

/** An HTTPS agent that skips server verification (only for a context's `SkipTLSVerify`). */
export function tlsAgent(material: TlsMaterial): Agent {
  return new Agent({ ca: material.ca, cert: material.cert, key: material.key, rejectUnauthorized: false });
}
