import { getConfig } from '../config';
import { InvalidArgumentError } from '../errors';
import { parseReference } from './reference-grammar';

/** The registry that serves images whose name has no registry part. */
export const DOCKER_HUB_REGISTRY = 'docker.io';

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const IMAGE_ID = /^(sha256:)?[a-f0-9]{64}$/;

/**
 * An image reference: `[registry/]image[:tag][@digest]`, as testcontainers-node's `ImageName`,
 * parsed with the Docker reference grammar (see `reference-grammar.ts`).
 *
 * `image` and `string` keep the form the user wrote (`redis:7`); {@link ImageName.canonical}
 * adds Docker Hub's defaults (`docker.io/library/redis:7`), and {@link ImageName.equals}
 * compares canonical forms.
 */
export class ImageName {
  /** Rendering as given, e.g. `redis:7`, `127.0.0.1:5000/app:1`, `app@sha256:...`, `app:1@sha256:...`. */
  readonly string: string;

  constructor(
    /** The registry host (with port), or `undefined` for Docker Hub. */
    readonly registry: string | undefined,
    /** The repository path, e.g. `redis`, `library/redis`, `team/app`, or an image id. */
    readonly image: string,
    /** The tag; `latest` when none was given. */
    readonly tag: string,
    /** The digest, e.g. `sha256:…`, when the reference pins one. */
    readonly digest?: string,
  ) {
    const name = registry ? `${registry}/${image}` : image;
    if (!registry && IMAGE_ID.test(image)) this.string = image;
    else if (digest) this.string = tag && tag !== 'latest' ? `${name}:${tag}@${digest}` : `${name}@${digest}`;
    else this.string = `${name}:${tag}`;
  }

  /** Whether this names an image by its id (64 hex characters, optionally `sha256:`-prefixed). */
  get isImageId(): boolean {
    return !this.registry && IMAGE_ID.test(this.image);
  }

  /** The registry that serves the image: {@link registry}, or `docker.io` when none is given. */
  get effectiveRegistry(): string {
    if (!this.registry || HUB_ALIASES.has(this.registry)) return DOCKER_HUB_REGISTRY;
    return this.registry;
  }

  /** The repository without tag or digest as the engine pulls it, e.g. `127.0.0.1:5000/app` or `redis`. */
  get repository(): string {
    return this.registry ? `${this.registry}/${this.image}` : this.image;
  }

  /** Fully qualified form with Docker Hub's `library/` and `latest` defaults, e.g. `docker.io/library/redis:latest`. */
  get canonical(): string {
    if (this.isImageId) return this.image.startsWith('sha256:') ? this.image : `sha256:${this.image}`;
    const registry = this.effectiveRegistry;
    const path = registry === DOCKER_HUB_REGISTRY && !this.image.includes('/') ? `library/${this.image}` : this.image;
    const name = `${registry}/${path}`;
    return this.digest ? `${name}@${this.digest}` : `${name}:${this.tag}`;
  }

  /** Parses a reference; throws {@link InvalidArgumentError} for one the Docker reference grammar rejects. */
  static fromString(reference: string): ImageName {
    if (typeof reference !== 'string' || reference.trim() === '') {
      throw new InvalidArgumentError('image name', reference, 'expected [registry/]name[:tag][@digest], e.g. "redis:7"');
    }
    if (IMAGE_ID.test(reference)) return new ImageName(undefined, reference, 'latest');
    const parsed = parseReference(reference);
    return new ImageName(parsed.registry, parsed.path, parsed.tag ?? 'latest', parsed.digest);
  }

  /**
   * Parses a reference and applies `TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX` to images without a
   * registry. The prefix is a registry (`mirror.local:5000`) or a registry with a path (`mirror.local/hub/`).
   */
  static fromUserReference(reference: string, prefix: string | undefined = getConfig().hubImageNamePrefix): ImageName {
    const parsed = ImageName.fromString(reference);
    if (!prefix || parsed.registry || parsed.isImageId) return parsed;
    const joined = prefix.endsWith('/') ? `${prefix}${parsed.image}` : `${prefix}/${parsed.image}`;
    const withTag = parsed.digest
      ? `${joined}${parsed.tag !== 'latest' ? `:${parsed.tag}` : ''}@${parsed.digest}`
      : `${joined}:${parsed.tag}`;
    return ImageName.fromString(withTag);
  }

  /** Whether two names denote the same image reference (`redis` equals `docker.io/library/redis:latest`). */
  equals(other: ImageName): boolean {
    return this.canonical === other.canonical;
  }

  /** The rendering as given (same as {@link ImageName.string}). */
  toString(): string {
    return this.string;
  }
}
