/**
 * Free text (names, descriptions, tags, commands) written literally into Terraform JSON. In a Terraform JSON
 * string `${` and `%{` start template expressions, so user text such as `cost ${var.x}` or `echo ${HOME}`
 * would be evaluated (and fail on an undeclared variable); written `$${` / `%%{` it stays literal. Tokens
 * (references, variables, functions) are expressions by intent and are left alone.
 *
 * Not part of the public API; every construct of this package writes its free text through these.
 */
import { Token } from 'cdktf';

/** Literal `${` and `%{` in a Terraform JSON string are template syntax; `$${` / `%%{` keep them literal. @internal */
export function escapeTerraformTemplate(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** Literal text for a Terraform JSON string: escaped like template text; a token (or undefined) as it is. @internal */
export function literalText(s: string): string;
export function literalText(s: string | undefined): string | undefined;
export function literalText(s: string | undefined): string | undefined {
  return s === undefined || Token.isUnresolved(s) ? s : escapeTerraformTemplate(s);
}

/** A tag map for a Terraform resource: literal keys and values escaped like template text, tokens kept. @internal */
export function escapeTerraformMap(map: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (map === undefined || Token.isUnresolved(map)) return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [literalText(k), literalText(v)]));
}
