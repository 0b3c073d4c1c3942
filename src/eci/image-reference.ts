/**
 * Container image references, checked against the grammar of the distribution project's `reference` package
 * (the one Docker, containerd and ECI's image pull read):
 *
 *   reference        := name [ ":" tag ] [ "@" digest ]
 *   name             := [ domain "/" ] path-component [ "/" path-component ]*
 *   domain           := host [ ":" port-number ]           host: domain name, IPv4 address or [IPv6 address]
 *   path-component   := [a-z0-9]+ ( ( [._] | __ | -+ ) [a-z0-9]+ )*
 *   tag              := [\w][\w.-]{0,127}
 *   digest           := algorithm ":" hex                  sha256: 64, sha384: 96, sha512: 128 lowercase hex digits
 *
 * The first component is the registry (domain) when there are more components and it has a `.` or a `:`, is
 * `localhost`, or has an upper-case letter (Docker's rule); the whole name is at most 255 characters.
 *
 * Pure functions, no tokens (callers skip them). Not part of the public API.
 */
import { quote } from '../core/validation';

/** What is wrong with an image reference, and how to fix it. @internal */
export interface ImageReferenceProblem {
  readonly problem: string;
  readonly fix: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):(.*)$/;
/** Hex digits per digest algorithm that registries accept (go-digest's registered algorithms). */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

const EXAMPLE = "for example 'nginx:1.27-alpine' or 'registry.cn-hangzhou.aliyuncs.com/ns/app:v1'";

/**
 * What is wrong with `image` as an image reference, or undefined when it is one. `quoted` is how the image
 * is shown in the problem (the caller's quoting), or a function that makes it, called only for a problem.
 * @internal
 */
export function imageReferenceProblem(image: string, quoted: string | (() => string)): ImageReferenceProblem | undefined {
  const bad = (why: string, fix = `write a reference such as name[:tag][@digest], ${EXAMPLE}`) => ({
    problem: `${typeof quoted === 'function' ? quoted() : quoted} is not an image reference: ${why}`, fix,
  });
  if (image === '') return { problem: 'is empty', fix: `set an image, ${EXAMPLE}` };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(image);
  if (scheme) return bad(`it starts with the URL scheme '${scheme[0]}'`, `leave the scheme out: ${quote(image.slice(scheme[0].length))}`);
  if (/\s/.test(image)) return bad('it contains white space', 'remove the spaces');

  let rest = image;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const m = DIGEST.exec(digest);
    if (!m) return bad(`the digest ${quote(digest)} is not algorithm:hex`, 'write the digest as sha256: and 64 lowercase hex digits');
    const length = DIGEST_HEX_LENGTH[m[1]];
    if (length === undefined) return bad(`the digest algorithm ${quote(m[1])} is not sha256, sha384 or sha512`, 'use the sha256 digest the registry shows');
    if (m[2].length !== length || !/^[0-9a-f]+$/.test(m[2])) {
      return bad(`a ${m[1]} digest has ${length} lowercase hex digits, not ${quote(m[2])}`, 'copy the digest exactly as the registry shows it');
    }
  }

  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    const tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (tag === '') return bad('the tag after \':\' is empty', 'write a tag after the colon, or leave the colon out for latest');
    if (!TAG.test(tag)) {
      return bad(`the tag ${quote(tag)} is not 1-128 letters, digits, '_', '.' and '-' starting with a letter, digit or '_'`, 'use a tag such as 1.27-alpine');
    }
  }
  if (rest === '') return bad('the name is empty');
  if (rest.length > MAX_NAME_LENGTH) return bad(`the name is ${rest.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`, 'use a shorter repository name');

  const components = rest.split('/');
  const first = components[0];
  if (components.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())) {
    const domainProblem = checkDomain(first);
    if (domainProblem) return bad(domainProblem, 'write the registry as host or host:port, e.g. registry.cn-hangzhou.aliyuncs.com or localhost:5000');
    components.shift();
  }
  for (const c of components) {
    if (PATH_COMPONENT.test(c)) continue;
    if (PATH_COMPONENT.test(c.toLowerCase())) {
      return bad(`the repository path component ${quote(c)} has upper-case letters`, `repository names are lower case: write ${quote(c.toLowerCase())}`);
    }
    return bad(c === '' ? 'it has an empty path component (\'//\', or a \'/\' at an end)'
      : `the repository path component ${quote(c)} is not lowercase letters and digits separated by '.', '_', '__' or '-'`);
  }
  return undefined;
}

/** What is wrong with a registry host[:port], or undefined. */
function checkDomain(domain: string): string | undefined {
  let host = domain;
  const bracket = domain.startsWith('[') ? domain.indexOf(']') : -1;
  const colon = domain.lastIndexOf(':');
  if (colon > bracket) {
    const port = domain.slice(colon + 1);
    host = domain.slice(0, colon);
    if (!PORT.test(port)) return `the registry port ${quote(port)} is not a number`;
  }
  if (IPV6_HOST.test(host)) return undefined;
  if (host.split('.').every((part) => DOMAIN_COMPONENT.test(part))) return undefined;
  return `the registry host ${quote(host)} is not a host name or address`;
}
