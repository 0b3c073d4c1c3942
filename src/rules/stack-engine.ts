/**
 * The engine on a stack at synth: the document engine (engine.ts) with what the construct tree adds (the
 * owners of resources, the other stacks of the app, the suppressions stored on constructs), and the findings
 * added as annotations (errors fail the synth). Only this side imports the CDK core.
 * @internal
 */
import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { collectSuppressions } from './construct-suppressions';
import { RuleContext } from './context';
import { CrossStackIndex } from './cross-stack';
import { annotationText, EngineOptions, evaluateDocumentWithContext, isReported } from './engine';
import { ownersOf } from './owners';
import { RuleDefinition } from './rule';
import { ALL_RULES } from './rules';
import { findSuppression, Suppression } from './suppressions';
import { Ipv6CheckFinding, Ipv6CheckLevel } from './types';

/** Messages already added as annotations, per construct, so that a second synth does not repeat them. */
const annotated = new WeakMap<IConstruct, Set<string>>();

/**
 * Evaluates every rule on the document and adds the annotations (errors fail the synth).
 * @internal
 */
export function evaluate(
  doc: Record<string, any>,
  stack: TerraformStack,
  options: EngineOptions,
  rules: readonly RuleDefinition[] = ALL_RULES,
): Ipv6CheckFinding[] {
  return evaluateWithContext(doc, stack, options, rules).findings;
}

/**
 * As `evaluate`, and the rule context it built (for the topology picture) and the stack's suppressions by construct path
 * (for the context file: collected once per synth, by the rules when they need them or on the first call).
 * @internal
 */
export function evaluateWithContext(
  doc: Record<string, any>,
  stack: TerraformStack,
  options: EngineOptions,
  rules: readonly RuleDefinition[] = ALL_RULES,
): { findings: Ipv6CheckFinding[]; ctx: RuleContext; suppressions: () => ReadonlyMap<string, Suppression[]> } {
  let nodes: IConstruct[] | undefined;
  const allNodes = () => nodes ??= [...stack.node.scopes.slice(0, -1), ...stack.node.findAll()];
  let suppressions: Map<string, Suppression[]> | undefined;
  const suppressionIndex = () => suppressions ??= collectSuppressions(allNodes());
  const result = evaluateDocumentWithContext(doc, {
    ...options,
    stackPath: stack.node.path,
    stackLabel: `stack ${stack.node.id}`,
    owners: ownersOf(stack),
    crossStack: new CrossStackIndex(stack),
    suppressionFor: (resourcePath, _address, ruleId) => findSuppression(suppressionIndex(), resourcePath, ruleId),
  }, rules);
  annotate(result.findings, allNodes, stack);
  return { ...result, suppressions: suppressionIndex };
}

function annotate(findings: readonly Ipv6CheckFinding[], allNodes: () => IConstruct[], stack: TerraformStack): void {
  let byPath: Map<string, IConstruct> | undefined;
  for (const f of findings) {
    if (!isReported(f)) continue;
    byPath ??= new Map(allNodes().map((n) => [n.node.path, n]));
    const node = byPath.get(f.constructPath) ?? stack;
    const text = annotationText(f);
    let seen = annotated.get(node);
    if (!seen) annotated.set(node, seen = new Set());
    const key = `${f.level}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = Annotations.of(node);
    if (f.level === Ipv6CheckLevel.ERROR) a.addError(text);
    else if (f.level === Ipv6CheckLevel.WARNING) a.addWarning(text);
    else a.addInfo(text);
  }
}
