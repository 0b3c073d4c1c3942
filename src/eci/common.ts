/**
 * Helpers of ContainerGroup and ContainerGroupFleet that are not checks (every check of their props is in validation.ts).
 */
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * A default container group name from the construct path: readable and unique in the app
 * (the path, lowercased, plus 8 hex digits of the construct's address).
 */
export function defaultGroupName(scope: IConstruct): string {
  const readable = scope.node.path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 110).replace(/-+$/, '');
  return `${readable || 'eci'}-${scope.node.addr.slice(0, 8)}`;
}

/** Splits `ecs.a.x,ecs.b.y` into its types (tokens are kept whole). */
export function splitInstanceTypes(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (Token.isUnresolved(value)) return [value];
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
