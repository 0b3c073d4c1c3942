/**
 * Image references and registry hosts, for the private-image rules (ALI-IPV6-012 to 014).
 * @internal
 */

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** The registry host of an image (`nginx:alpine` → `docker.io`, `registry.cn-hangzhou.aliyuncs.com/ns/app` → that host). @internal */
export function imageHost(image: string): string {
  const slash = image.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = image.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return normalizeServer(first);
  return 'docker.io';
}

/** A registry server as compared: lower case, no scheme, no trailing slash, Docker Hub aliases as `docker.io`. @internal */
export function normalizeServer(server: string): string {
  const s = server.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
  return DOCKER_HUB.has(s) ? 'docker.io' : s;
}

/** Whether an image host is Alibaba Container Registry (personal or Enterprise Edition), or an ACR EE domain given. @internal */
export function isPrivateHost(host: string, acrDomains: readonly string[] = []): boolean {
  return host.endsWith('.aliyuncs.com') || acrDomains.some((d) => normalizeServer(d) === host);
}
