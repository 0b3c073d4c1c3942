/**
 * The shared context of the rules: the stack's resolved Terraform document, indexed once (by type, by
 * address, by reference), plus the ECIs found in it (ROS templates, ESS scaling configurations, native
 * container groups). Everything is linear in the size of the document; derived indexes are built on first
 * use and shared by all rules.
 * @internal
 */
import { CrossStackRefs, CrossStackResource, OUTPUT_PREFIX } from './cross-stack-refs';
import { ABSENT, boolOf, Known, known, Link, TfBlock, unknown } from './document';
import { EciSource, EciSpec, extractEcis, OpaqueRosStack } from './eci-model';
import { FamilyFact } from './facts/instance-families';
import { ConstructOwner } from './owner-names';
import { Address, exactReference, isToken, show } from './references';
import { isJsonObject as isObject, objectBlocks, typeKey } from '../core/terraform-json';

export type { Known, Link, TfBlock } from './document';
export { ABSENT, boolOf, known, numberOf, unknown } from './document';

/** The facts the rules use, after the user's additions. @internal */
export interface EffectiveFacts {
  readonly regions: ReadonlySet<string>;
  /** Family → fact (built-in or user-given). */
  readonly families: ReadonlyMap<string, FamilyFact>;
}

/** The region a block deploys to. @internal */
export type RegionOf = Known<string> & { readonly provider: string };

/** The `alicloud` provider configuration a block uses: its arguments, or why they are not known. @internal */
export type ProviderOf =
  | { readonly state: 'known'; readonly config: Record<string, any>; readonly provider: string }
  | { readonly state: 'unknown'; readonly why: string; readonly provider: string };

/** The region of a provider configuration (`provider` names it in messages). @internal */
export function regionOfConfig(p: ProviderOf): RegionOf {
  if (p.state !== 'known') return { state: 'unknown', why: p.why, provider: p.provider };
  const region = p.config.region;
  if (region === undefined || region === null || region === '') {
    return { state: 'unknown', why: `${p.provider} sets no region, so it comes from ALICLOUD_REGION / ALIBABA_CLOUD_REGION at apply time`, provider: p.provider };
  }
  if (typeof region !== 'string' || isToken(region)) {
    return { state: 'unknown', why: `the region of ${p.provider} is the expression ${show(region)}, known only at apply time`, provider: p.provider };
  }
  return { state: 'known', value: region.trim(), provider: p.provider };
}

/**
 * The Alibaba Cloud account a provider configuration deploys to, when it says: `account_id`, or the account
 * of `assume_role.role_arn` (`acs:ram::<account>:role/...`). Absent when it names none (the credentials of
 * the environment decide); `profile` is kept for messages.
 * @internal
 */
export function accountOfConfig(config: Record<string, any>): Known<string> & { readonly via?: string; readonly profile?: string } {
  const profile = typeof config.profile === 'string' && !isToken(config.profile) ? config.profile : undefined;
  const id = config.account_id;
  if (id !== undefined && id !== null && id !== '') {
    if (typeof id === 'string' && isToken(id)) return { ...unknown<string>(`account_id is the expression ${show(id)}`), profile };
    return { ...known(String(id).trim()), via: 'account_id', profile };
  }
  const roles = Array.isArray(config.assume_role) ? config.assume_role : config.assume_role ? [config.assume_role] : [];
  const arn = roles[0]?.role_arn;
  if (typeof arn === 'string') {
    if (isToken(arn)) return { ...unknown<string>(`assume_role.role_arn is the expression ${show(arn)}`), profile };
    const m = /^acs:ram::(\d+):role\//.exec(arn.trim());
    if (m) return { ...known(m[1]), via: `assume_role.role_arn ${arn.trim()}`, profile };
  }
  return { ...ABSENT, profile };
}

/**
 * The indexed document. Built once per synth; rules only read it.
 * @internal
 */
export class RuleContext implements EciSource {
  /** Every resource and data block, in document order. */
  public readonly blocks: readonly TfBlock[];
  private readonly byType = new Map<string, TfBlock[]>();
  private readonly byAddress = new Map<Address, TfBlock>();
  /** alias ('' = default) → provider configuration. */
  private readonly providers = new Map<string, Record<string, any>>();
  private readonly providerSectionUnknown: boolean;
  private memo = new Map<string, unknown>();

  constructor(
    public readonly doc: Record<string, any>,
    public readonly facts: EffectiveFacts,
    public readonly stackPath: string,
    private readonly owners: ReadonlyMap<string, ConstructOwner> = new Map(),
    /** The resources of other stacks this stack reads through cross-stack references. */
    public readonly crossStack: CrossStackRefs = new CrossStackRefs(),
    /** Which optional checks apply to this document (see `EngineOptions`). */
    public readonly checks: { readonly providerSchema: boolean } = { providerSchema: false },
  ) {
    const blocks: TfBlock[] = objectBlocks(doc);
    for (const block of blocks) {
      this.byAddress.set(block.address, block);
      const key = typeKey(block.kind, block.type);
      let list = this.byType.get(key);
      if (!list) this.byType.set(key, list = []);
      list.push(block);
    }
    this.blocks = blocks;
    const section = doc.provider?.alicloud;
    this.providerSectionUnknown = section !== undefined && !isObject(section) && !Array.isArray(section);
    for (const config of Array.isArray(section) ? section : section !== undefined ? [section] : []) {
      if (!isObject(config)) continue;
      const alias = typeof config.alias === 'string' ? config.alias : '';
      if (!this.providers.has(alias)) this.providers.set(alias, config);
    }
  }

  /**
   * The construct of this library that made a block (`ContainerGroup` for its `alicloud_ros_stack`), when
   * one did and the block still carries its construct path.
   */
  public ownerOf(block: TfBlock): ConstructOwner | undefined {
    return block.constructPath === undefined ? undefined : this.owners.get(block.constructPath);
  }

  /** Resources of a type (`alicloud_vswitch`), or data sources with `data.` in front. */
  public ofType(type: string): readonly TfBlock[] {
    return this.byType.get(type) ?? [];
  }

  /** The block at an address, if the document has it. */
  public get(address: Address): TfBlock | undefined {
    return this.byAddress.get(address);
  }

  /** Memoizes a derived value for the rules (computed once per context). */
  public cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /**
   * What a value points at: a block of one of `types` in this document, a literal ID, an expression
   * known only at apply, or nothing.
   */
  public link(value: unknown, types: readonly string[]): Link {
    if (value === undefined || value === null || value === '') return { kind: 'absent' };
    if (typeof value !== 'string') return { kind: 'literal', value: String(value) };
    if (!isToken(value)) return { kind: 'literal', value };
    const ref = exactReference(value);
    const block = ref ? this.byAddress.get(ref.address) : undefined;
    if (block && types.includes(typeKey(block.kind, block.type)) && (ref!.attribute === undefined || ref!.attribute === 'id')) {
      return { kind: 'resource', block };
    }
    return { kind: 'expression', expression: value };
  }

  /** A key under which two values that name the same thing compare equal (undefined when absent). */
  public keyOf(value: unknown, types: readonly string[]): string | undefined {
    const l = this.link(value, types);
    switch (l.kind) {
      case 'resource': return l.block.address;
      case 'literal': return `literal:${l.value}`;
      case 'expression': return `expr:${l.expression}`;
      default: return undefined;
    }
  }

  /** Text for a link in messages. */
  public describe(l: Link): string {
    switch (l.kind) {
      case 'resource': return `${l.block.address}${l.block.constructPath ? ` (${l.block.constructPath})` : ''}`;
      case 'literal': return `'${l.value}'`;
      case 'expression': return `the expression ${show(l.expression)}`;
      default: return 'nothing';
    }
  }

  /**
   * The resource of another stack that a value names (a cdktf cross-stack reference), when it names one.
   */
  public crossStackOf(value: unknown): CrossStackResource | undefined {
    if (typeof value !== 'string' || !isToken(value)) return undefined;
    return this.crossStackResourcesIn(value)[0];
  }

  /** Every resource of another stack that a value (or a whole block body) refers to, in order, each once. */
  public crossStackResourcesIn(value: unknown): CrossStackResource[] {
    return this.crossStack.resourcesIn(value, (a) => this.byAddress.has(a));
  }

  /** True when a block of this stack is read by another stack (`app.synth()` gives it a cross-stack output). */
  public isExported(block: TfBlock): boolean {
    const exported = this.cached('exported', () => {
      const set = new Set<string>();
      const outputs = this.doc.output;
      if (outputs === null || typeof outputs !== 'object') return set;
      for (const [name, o] of Object.entries<any>(outputs)) {
        if (!name.startsWith(OUTPUT_PREFIX)) continue;
        const ref = exactReference(o?.value);
        if (ref) set.add(ref.address);
      }
      return set;
    });
    return exported.has(block.address);
  }

  /** The `alicloud` provider configuration a block uses (its `provider` meta-argument, or the default one). */
  public providerOf(block: TfBlock): ProviderOf {
    const meta = block.body.provider;
    let alias = '';
    if (typeof meta === 'string') {
      const m = /^alicloud\.(.+)$/.exec(meta);
      if (m) alias = m[1];
      else if (isToken(meta)) return { state: 'unknown', why: `its provider is the expression ${show(meta)}`, provider: show(meta) };
    }
    const provider = alias ? `provider "alicloud" (alias "${alias}")` : 'the default provider "alicloud"';
    if (this.providerSectionUnknown) return { state: 'unknown', why: 'the alicloud provider configuration is an expression', provider };
    const config = this.providers.get(alias);
    if (!config) {
      return alias
        ? { state: 'unknown', why: `no alicloud provider has alias "${alias}"`, provider }
        : { state: 'unknown', why: 'the stack has no alicloud provider block, so the region comes from ALICLOUD_REGION at apply time', provider };
    }
    return { state: 'known', config, provider };
  }

  /** The region of the `alicloud` provider configuration a block uses (its `provider` meta-argument, or the default one). */
  public regionOf(block: TfBlock): RegionOf {
    return regionOfConfig(this.providerOf(block));
  }

  /** The ECIs of the stack (ROS container groups, ESS ECI scaling configurations, native container groups). */
  public get ecis(): readonly EciSpec[] {
    return this.extracted.ecis;
  }

  /** `alicloud_ros_stack`s whose template cannot be read at synth (template_url, an expression, invalid JSON). */
  public get opaqueRosStacks(): readonly OpaqueRosStack[] {
    return this.extracted.opaque;
  }

  private get extracted(): { ecis: EciSpec[]; opaque: OpaqueRosStack[] } {
    return this.cached('ecis', () => extractEcis(this));
  }

  /** IPv6 ECIs: those asking for at least one IPv6 address. */
  public get ipv6Ecis(): readonly EciSpec[] {
    return this.cached('ipv6Ecis', () => this.ecis.filter((e) => e.ipv6Count.state === 'known' && e.ipv6Count.value >= 1));
  }

  /** `alicloud_vpc_ipv6_cidr_block`s by the address of the VPC they attach to. */
  public ipv6CidrBlocksOf(vpc: TfBlock): readonly TfBlock[] {
    const index = this.cached('cidrBlocksByVpc', () => {
      const m = new Map<string, TfBlock[]>();
      for (const b of this.ofType('alicloud_vpc_ipv6_cidr_block')) {
        const l = this.link(b.body.vpc_id, ['alicloud_vpc']);
        if (l.kind !== 'resource') continue;
        let list = m.get(l.block.address);
        if (!list) m.set(l.block.address, list = []);
        list.push(b);
      }
      return m;
    });
    return index.get(vpc.address) ?? [];
  }

  /** Whether a VPC block has IPv6: `enable_ipv6 = true` or an `alicloud_vpc_ipv6_cidr_block` attached. */
  public vpcIpv6(vpc: TfBlock): boolean | 'unknown' {
    const enabled = boolOf(vpc.body.enable_ipv6);
    if (enabled === true) return true;
    if (this.ipv6CidrBlocksOf(vpc).length > 0) return true;
    return enabled === 'unknown' ? 'unknown' : false;
  }

  /** Groups blocks by a key (skipping undefined keys); built once per name. */
  public groupBy(name: string, blocks: () => readonly TfBlock[], key: (b: TfBlock) => string | undefined): ReadonlyMap<string, readonly TfBlock[]> {
    return this.cached(`group:${name}`, () => {
      const m = new Map<string, TfBlock[]>();
      for (const b of blocks()) {
        const k = key(b);
        if (k === undefined) continue;
        let list = m.get(k);
        if (!list) m.set(k, list = []);
        list.push(b);
      }
      return m;
    });
  }
}
