import { Token } from 'cdktf';
import { PropValidator, quote } from './validation';

/*
 * Name and description rules that the alicloud provider (1.289.0) enforces at plan time, copied from
 * the schema pack (schema/alicloud-1.289.0.jsonl) so that constructs can report them at synth time instead.
 */

/** `alicloud_vpc_ipv6_gateway.ipv6_gateway_name`. @internal */
export const IPV6_GATEWAY_NAME_PATTERN = /^[a-zA-Z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{1,128}$/;
/** `alicloud_vpc_ipv6_gateway.description`: note that it allows no spaces. @internal */
export const IPV6_GATEWAY_DESCRIPTION_PATTERN = /^[a-zA-Z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{2,256}$/;
/** `alicloud_vpc_ipv6_egress_rule.ipv6_egress_rule_name`. @internal */
export const IPV6_EGRESS_RULE_NAME_PATTERN = /^[a-zA-Z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{2,128}$/;

/** Records a problem when a literal string does not match `pattern`. Tokens are skipped. @internal */
export function checkPattern(v: PropValidator, prop: string, value: string | undefined, pattern: RegExp, rule: string, example: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!pattern.test(value)) {
    v.add(prop, `${quote(value)} is not accepted by the provider: it must be ${rule}`, `change it, ${example}`);
  }
}

/** Records a problem when a literal string's length is outside [min, max]. Tokens are skipped. @internal */
export function checkLength(v: PropValidator, prop: string, value: string | undefined, min: number, max: number): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (value.length < min || value.length > max) {
    v.add(prop, `must be ${min} to ${max} characters long, got ${value.length}`, `shorten or lengthen it to ${min}-${max} characters`);
  }
}
