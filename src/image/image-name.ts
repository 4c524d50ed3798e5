import { getConfig } from '../config';
import { InvalidArgumentError } from '../errors';

/**
 * An image reference: `[registry/]image[:tag][@digest]`, as testcontainers-node's `ImageName`.
 * (Minimal version; the images issue hardens it against the Docker reference grammar.)
 */
export class ImageName {
  /** Canonical rendering, e.g. `redis:7`, `127.0.0.1:5000/app:1`, `app@sha256:...`. */
  readonly string: string;

  constructor(
    readonly registry: string | undefined,
    readonly image: string,
    readonly tag: string,
    readonly digest?: string,
  ) {
    const name = registry ? `${registry}/${image}` : image;
    if (digest) this.string = tag && tag !== 'latest' ? `${name}:${tag}@${digest}` : `${name}@${digest}`;
    else if (/^[a-f0-9]{64}$/.test(image) && !registry) this.string = image;
    else this.string = `${name}:${tag}`;
  }

  /** Parses a reference; throws {@link InvalidArgumentError} for an invalid one. */
  static fromString(reference: string): ImageName {
    if (typeof reference !== 'string' || reference.trim() === '' || /\s/.test(reference)) {
      throw new InvalidArgumentError('image name', reference, 'expected [registry/]name[:tag][@digest], e.g. "redis:7"');
    }
    let rest = reference;
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.slice(at + 1);
      rest = rest.slice(0, at);
    }
    let registry: string | undefined;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      const first = rest.slice(0, slash);
      if (first.includes('.') || first.includes(':') || first === 'localhost') {
        registry = first;
        rest = rest.slice(slash + 1);
      }
    }
    let tag = 'latest';
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      tag = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
    if (!/^[a-z0-9]+([._-]+[a-z0-9]+|\/)*[a-z0-9]*$/.test(rest)) {
      throw new InvalidArgumentError('image name', reference, 'repository names are lowercase letters, digits and . _ - /');
    }
    return new ImageName(registry, rest, tag, digest);
  }

  /** Parses a reference and applies `TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX` to images without a registry. */
  static fromUserReference(reference: string): ImageName {
    const parsed = ImageName.fromString(reference);
    const prefix = getConfig().hubImageNamePrefix;
    if (!prefix || parsed.registry) return parsed;
    const joined = prefix.endsWith('/') ? `${prefix}${parsed.image}` : `${prefix}/${parsed.image}`;
    return ImageName.fromString(`${joined}${parsed.digest ? `@${parsed.digest}` : `:${parsed.tag}`}`);
  }

  /** Whether two names denote the same reference. */
  equals(other: ImageName): boolean {
    return this.string === other.string;
  }

  toString(): string {
    return this.string;
  }
}
