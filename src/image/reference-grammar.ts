import { InvalidArgumentError } from '../errors';

/**
 * The Docker reference grammar (distribution/reference `reference.go`):
 *
 * ```
 * reference  := name [ ":" tag ] [ "@" digest ]
 * name       := [domain '/'] path-component ['/' path-component]*
 * domain     := host [':' port-number]          host := domain-name | IPv4 | '[' IPv6 ']'
 * path-component := [a-z0-9]+ (separator [a-z0-9]+)*      separator := [_.] | __ | -+
 * tag        := [\w][\w.-]{0,127}
 * digest     := algorithm ":" hex{32,}           algorithm := [A-Za-z][A-Za-z0-9]* ([+._-][A-Za-z][A-Za-z0-9]*)*
 * ```
 * The first component is a registry when it contains `.` or `:`, starts with `[`, or is `localhost`.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[[a-fA-F0-9:]+\\]';
const DOMAIN = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_MAX = 255;

/** A reference split into its parts. */
export interface ParsedReference {
  registry?: string;
  path: string;
  tag?: string;
  digest?: string;
}

function fail(reference: string, hint: string): never {
  throw new InvalidArgumentError('image name', reference, hint);
}

function isRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component.startsWith('[') || component === 'localhost';
}

/** Splits a reference by the Docker grammar; throws {@link InvalidArgumentError} naming what is wrong. */
export function parseReference(reference: string): ParsedReference {
  if (/\s/.test(reference)) fail(reference, 'contains whitespace');
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) fail(reference, `invalid digest "${digest}" (expected algorithm:hex, e.g. sha256:…)`);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0 && isRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    rest = rest.slice(slash + 1);
    if (!DOMAIN.test(registry)) fail(reference, `invalid registry "${registry}"`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) fail(reference, `invalid tag "${tag}" (letters, digits, _ . -, at most 128, not starting with . or -)`);
  }
  if (rest === '') fail(reference, 'the repository name is empty');
  for (const component of rest.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      const hint = /[A-Z]/.test(component)
        ? 'repository names must be lowercase'
        : `invalid path component "${component}" (lowercase letters and digits, separated by . _ __ or -)`;
      fail(reference, hint);
    }
  }
  const nameLength = (registry ? registry.length + 1 : 0) + rest.length;
  if (nameLength > NAME_MAX) fail(reference, `the name is ${nameLength} characters long (at most ${NAME_MAX})`);
  if (!registry && /^[a-f0-9]{64}$/.test(rest)) {
    fail(reference, 'a 64-character hex repository name is reserved for image ids; use the id without a tag');
  }
  return { registry, path: rest, tag, digest };
}
