import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { PropValidator } from '../core/validation';

const GROUP_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Checks an ECI container group name (2–128 lowercase letters, digits, hyphens). */
export function validateGroupName(v: PropValidator, prop: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  if (name.length < 2 || name.length > 128 || !GROUP_NAME.test(name)) {
    v.add(prop, `'${name}' is not a valid container group name`, 'use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
  }
}

/**
 * A default container group name from the construct path: readable and unique in the app
 * (the path, lowercased, plus 8 hex digits of the construct's address).
 */
export function defaultGroupName(scope: IConstruct): string {
  const readable = scope.node.path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 110).replace(/-+$/, '');
  return `${readable || 'eci'}-${scope.node.addr.slice(0, 8)}`;
}

/** Checks ECI sizing: either `instanceType(s)` or vCPU/memory, each a positive number. */
export function validateSizing(v: PropValidator, props: { cpu?: number; memory?: number }, instanceTypes: string[]): void {
  for (const key of ['cpu', 'memory'] as const) {
    const value = props[key];
    if (value !== undefined && !Token.isUnresolved(value) && !(value > 0)) {
      v.add(key, `must be greater than 0, got ${value}`, `leave ${key} unset or give a positive number (${key === 'cpu' ? 'vCPUs' : 'GiB'})`);
    }
  }
  if (instanceTypes.length > 0 && (props.cpu !== undefined || props.memory !== undefined)) {
    v.add('instanceType', 'is set together with cpu/memory', 'size the group either by ECS instance type or by vCPU and memory, not both');
  }
  for (const t of instanceTypes) {
    if (!Token.isUnresolved(t) && !/^ecs\.[a-z0-9-]+\.[a-z0-9-]+$/.test(t.trim())) {
      v.add('instanceType', `'${t}' is not an ECS instance type`, "use names like 'ecs.g7.large' (see DescribeInstanceTypes)");
    }
  }
}

/** Splits `ecs.a.x,ecs.b.y` into its types (tokens are kept whole). */
export function splitInstanceTypes(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (Token.isUnresolved(value)) return [value];
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
