/**
 * Which flavour of the library this build is: the CDK core it is compiled against and the package that carries
 * it. The source is written once, against `cdktf`; the CDK Terrain flavour (`cdktn-alicloud-ipv6`, issue 19) is
 * produced by the build, which rewrites the core's module name in imports and this file's values. Code that
 * names the core or the package in a message reads them from here, never from a literal.
 * @internal
 */
export interface Flavour {
  /** The npm name of the CDK core this build imports: `cdktf` or `cdktn`. */
  readonly core: string;
  /** The npm name of this package. */
  readonly packageName: string;
  /** The other core, and the package of this library built for it (named in the mixed-core error). */
  readonly otherCore: string;
  readonly otherPackageName: string;
}

/** This build's flavour. @internal */
export const FLAVOUR: Flavour = {
  core: 'cdktf',
  packageName: 'cdktf-alicloud-ipv6',
  otherCore: 'cdktn',
  otherPackageName: 'cdktn-alicloud-ipv6',
};
