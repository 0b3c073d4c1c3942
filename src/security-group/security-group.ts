import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ISecurityGroup } from './interfaces';
import { Peer } from './peer';
import { Port, Protocol } from './port';
import { ipv6HexCidr } from '../core/cidr';
import { assertSameCore } from '../core/core-guard';
import { escapeTerraformMap, literalText } from '../core/terraform-text';
import { isBlank, PropValidator, VPC_MEMBERS } from '../core/validation';
import * as alicloud from '../providers/alicloud';
import { Ipv6Checks } from '../rules/ipv6-checks';
import { IDualStackVpc } from '../vpc/interfaces';

/** Type of a security group (`security_group_type`). */
export enum SecurityGroupType {
  /** A basic security group. */
  NORMAL = 'normal',
  /** An advanced (enterprise) security group: more instances, no implicit intra-group access. */
  ENTERPRISE = 'enterprise',
}

/** Properties of a `SecurityGroup`. */
export interface SecurityGroupProps {
  /** The VPC of the security group. */
  readonly vpc: IDualStackVpc;
  /**
   * Name of the security group (`security_group_name`).
   * @default - no name
   */
  readonly securityGroupName?: string;
  /**
   * Description of the security group.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Tags of the security group.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * Type of the security group.
   * @default SecurityGroupType.NORMAL (the Alibaba Cloud default; the attribute is not set)
   */
  readonly securityGroupType?: SecurityGroupType;
  /**
   * ID of the resource group of the security group.
   * @default - the account's default resource group
   */
  readonly resourceGroupId?: string;
}

/** One rule of a `SecurityGroup`, as plain data (for checks and reports). */
export interface SecurityGroupRuleInfo {
  /** The peer's CIDR block: the source of an ingress rule, the destination of an egress rule. */
  readonly peerCidr: string;
  /** True when `peerCidr` is IPv6 (`ipv6_cidr_ip`), false for IPv4 (`cidr_ip`). */
  readonly ipv6: boolean;
  /** The IP protocol. */
  readonly protocol: Protocol;
  /** First port, or -1 for protocols without ports. */
  readonly fromPort: number;
  /** Last port, or -1 for protocols without ports. */
  readonly toPort: number;
  /** The provider's `port_range`, for example `80/80`. */
  readonly portRange: string;
  /**
   * Description of the rule.
   * @default - none
   */
  readonly description?: string;
}

/**
 * A VPC security group (`alicloud_security_group`) with allow rules (`alicloud_security_group_rule`, policy
 * `accept`, priority 1, NIC type `intranet`). It starts with no rules; add them with `addIngressRule` and
 * `addEgressRule`. IPv4 and IPv6 rules are separate: an IPv4 peer does not open a port to IPv6 clients.
 *
 * @example
 * const sg = new SecurityGroup(this, 'Web', { vpc });
 * sg.addIngressRule(Peer.anyIpv6(), Port.tcp(443), 'HTTPS over IPv6');
 * sg.addIngressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS over IPv4');
 */
export class SecurityGroup extends Construct implements ISecurityGroup {
  /**
   * Refers to an existing security group by ID; creates no resource.
   * @param scope the construct to create the reference in
   * @param id the construct ID, unique among the children of `scope`
   * @param securityGroupId the group's ID (`sg-...`)
   * @param vpcId the ID of the VPC the group belongs to
   */
  public static fromSecurityGroupId(scope: Construct, id: string, securityGroupId: string, vpcId: string): ISecurityGroup {
    return new ImportedSecurityGroup(scope, id, securityGroupId, vpcId);
  }

  /** ID of the security group (`sg-...`). */
  public readonly securityGroupId: string;
  /** ID of the VPC of the security group. */
  public readonly vpcId: string;
  /** The underlying `alicloud_security_group` resource (escape hatch). */
  public readonly resource: alicloud.securityGroup.SecurityGroup;
  /** The ingress rules added so far, in order (each distinct rule once). */
  public readonly ingressRules: SecurityGroupRuleInfo[] = [];
  /** The egress rules added so far, in order (each distinct rule once). */
  public readonly egressRules: SecurityGroupRuleInfo[] = [];
  /** The `alicloud_security_group_rule` resources, in the order they were added (escape hatch). */
  public readonly ruleResources: alicloud.securityGroupRule.SecurityGroupRule[] = [];

  private readonly vpc: IDualStackVpc;
  private readonly ruleKeys = new Set<string>();
  private readonly tokenLabels = new Map<string, string>();

  /**
   * @param scope the construct to create the security group and its rules in (a stack, or a construct in one)
   * @param id the construct ID, unique among the children of `scope` (it becomes part of the Terraform resource names)
   * @param props the VPC, name and description of the group
   */
  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    assertSameCore(this, 'SecurityGroup'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    Ipv6Checks.applyTo(this); // the IPv6 rule pack, once per stack (RULES.md)
    const v = new PropValidator(this, 'SecurityGroup');
    if (v.isObject('props', props, { required: true, example: '{ vpc }' })) {
      v.isReference('vpc', props.vpc, VPC_MEMBERS, 'a VPC (IDualStackVpc)', { required: true, example: 'a DualStackVpc' });
      v.isString('securityGroupName', props.securityGroupName);
      v.isString('description', props.description);
      v.isStringMap('tags', props.tags);
      v.isString('securityGroupType', props.securityGroupType, { example: 'SecurityGroupType.ENTERPRISE' });
      v.isString('resourceGroupId', props.resourceGroupId);
    }
    v.throwIfAny(); // the checks below rely on the types
    v.oneOf('securityGroupType', props.securityGroupType, Object.values(SecurityGroupType));
    v.throwIfAny();

    this.vpc = props.vpc;
    this.vpcId = props.vpc.vpcId;
    this.resource = new alicloud.securityGroup.SecurityGroup(this, 'Resource', {
      vpcId: this.vpcId,
      securityGroupName: literalText(props.securityGroupName),
      description: literalText(props.description),
      tags: escapeTerraformMap(props.tags),
      securityGroupType: props.securityGroupType,
      resourceGroupId: props.resourceGroupId,
    });
    this.securityGroupId = this.resource.id;
  }

  /**
   * Allows traffic from `peer` to `port`. Adding the same rule twice creates it once.
   * @param peer the source (IPv4 or IPv6 CIDR block)
   * @param port the protocol and ports
   * @param description description of the rule
   */
  public addIngressRule(peer: Peer, port: Port, description?: string): void {
    this.addRule('ingress', peer, port, description);
  }

  /**
   * Allows traffic to `peer` on `port`. Adding the same rule twice creates it once.
   * @param peer the destination (IPv4 or IPv6 CIDR block)
   * @param port the protocol and ports
   * @param description description of the rule
   */
  public addEgressRule(peer: Peer, port: Port, description?: string): void {
    this.addRule('egress', peer, port, description);
  }

  private addRule(direction: 'ingress' | 'egress', peer: Peer, port: Port, description?: string): void {
    const method = direction === 'ingress' ? 'addIngressRule' : 'addEgressRule';
    const v = new PropValidator(this, `SecurityGroup.${method}`);
    v.isInstance('peer', peer, Peer, 'a Peer', { required: true, example: 'Peer.anyIpv6()' });
    v.isInstance('port', port, Port, 'a Port', { required: true, example: 'Port.tcp(443)' });
    v.isString('description', description);
    v.throwIfAny(); // the checks below rely on the types
    v.check(port.protocol === Protocol.ICMP && peer.isIpv6, 'port', `Port.icmp() is ICMP for IPv4 but the peer ${peer.cidr} is IPv6`,
      'use Port.icmpv6() with IPv6 peers');
    v.check(port.protocol === Protocol.ICMPV6 && !peer.isIpv6, 'port', `Port.icmpv6() is ICMP for IPv6 but the peer ${peer.cidr} is IPv4`,
      'use Port.icmp() with IPv4 peers');
    v.check(peer.isIpv6 && this.vpc.ipv6Enabled === false, 'peer', `is IPv6 (${peer.cidr}) but the VPC has IPv6 disabled`,
      'enable IPv6 on the VPC (use a DualStackVpc), or use an IPv4 peer');
    v.throwIfAny();

    const written = peer._hostBitsText();
    if (written !== undefined) {
      // The API accepts host bits (the provider's own acceptance test sends '...:1a2f:1a2b/0', see
      // schema/PROVENANCE.md), but the rule still matches the whole block: say which one.
      const prefix = peer.cidr.slice(peer.cidr.indexOf('/') + 1);
      const single = `${written.slice(0, written.indexOf('/'))}/128`;
      Annotations.of(this).addWarning(`SecurityGroup.${method}: peer '${written}' has host bits set, so the rule matches the whole /${prefix} block ${peer.cidr}; ipv6_cidr_ip is written as '${peer.cidr}'. `
        + `Fix: write Peer.ipv6('${peer.cidr}') for the block, or Peer.ipv6('${single}') for the one address.`);
    }

    const key = [direction, port.protocol, port.portRange, peer._key()].join('|');
    if (this.ruleKeys.has(key)) return;
    this.ruleKeys.add(key);

    const rule = new alicloud.securityGroupRule.SecurityGroupRule(this, this.ruleId(direction, peer, port), {
      securityGroupId: this.securityGroupId,
      type: direction,
      ipProtocol: port.protocol,
      portRange: port.portRange,
      cidrIp: peer.isIpv6 ? undefined : peer.cidr,
      ipv6CidrIp: peer.isIpv6 ? peer.cidr : undefined,
      policy: 'accept',
      priority: 1,
      nicType: 'intranet',
      description: literalText(description),
    });
    this.ruleResources.push(rule);
    const info: SecurityGroupRuleInfo = {
      peerCidr: peer.cidr,
      ipv6: peer.isIpv6,
      protocol: port.protocol,
      fromPort: port.fromPort,
      toPort: port.toPort,
      portRange: port.portRange,
      description,
    };
    (direction === 'ingress' ? this.ingressRules : this.egressRules).push(info);
  }

  /** A readable, deterministic construct id: `Ingress-tcp-443-AnyIpv6`, `Egress-all-10-0-0-0_8`. */
  private ruleId(direction: string, peer: Peer, port: Port): string {
    const parts = [direction === 'ingress' ? 'Ingress' : 'Egress', port.protocol];
    if (Token.isUnresolved(port.fromPort) || Token.isUnresolved(port.toPort)) {
      parts.push(this.tokenLabel(`port:${port.portRange}`, 'Ports'));
    } else if (port.fromPort !== -1) {
      parts.push(port.fromPort === port.toPort ? `${port.fromPort}` : `${port.fromPort}-${port.toPort}`);
    }
    if (Token.isUnresolved(peer.cidr)) {
      parts.push(this.tokenLabel(`peer:${peer.cidr}`, peer.isIpv6 ? 'Ipv6Peer' : 'Ipv4Peer'));
    } else if (peer.cidr === '0.0.0.0/0') {
      parts.push('AnyIpv4');
    } else if (peer.isIpv6 && peer.cidr === '::/0') {
      parts.push('AnyIpv6');
    } else {
      // An IPv6 peer holds the RFC 5952 text of its block, unique per block: '::1.2.3.4/128' (that is
      // ::102:304/128) and '::1:2:3:4/128' do not share an id.
      // An IPv4-mapped block ('::ffff:1.2.3.4/128') is named in hex, so it does not meet '::ffff:1:2:3:4/128'.
      const text = peer.isIpv6 ? ipv6HexCidr(peer.cidr) ?? peer.cidr : peer.cidr;
      parts.push(text.replace(/[.:]/g, '-').replace('/', '_'));
    }
    return parts.join('-');
  }

  /** `Ports1`, `Ipv6Peer2`...: a stable label per distinct token, numbered in order of first use. */
  private tokenLabel(token: string, prefix: string): string {
    let label = this.tokenLabels.get(token);
    if (label === undefined) {
      const n = [...this.tokenLabels.values()].filter((l) => l.replace(/\d+$/, '') === prefix).length + 1;
      label = `${prefix}${n}`;
      this.tokenLabels.set(token, label);
    }
    return label;
  }
}

class ImportedSecurityGroup extends Construct implements ISecurityGroup {
  public readonly securityGroupId: string;
  public readonly vpcId: string;

  constructor(scope: Construct, id: string, securityGroupId: string, vpcId: string) {
    super(scope, id);
    assertSameCore(this, 'SecurityGroup'); // a stack of another CDK core, or another copy of ours, fails here (core-guard.ts)
    const v = new PropValidator(this, 'SecurityGroup.fromSecurityGroupId');
    v.isString('securityGroupId', securityGroupId, { required: true, example: "'sg-2ze0abc'" });
    v.isString('vpcId', vpcId, { required: true, example: "'vpc-2ze0abc'" });
    v.throwIfAny();
    v.check(isBlank(securityGroupId), 'securityGroupId', 'is empty', 'pass the ID of the existing security group, for example \'sg-2ze0abc\'');
    v.check(isBlank(vpcId), 'vpcId', 'is empty', 'pass the ID of the security group\'s VPC, for example \'vpc-2ze0abc\'');
    v.throwIfAny();
    this.securityGroupId = securityGroupId;
    this.vpcId = vpcId;
  }
}
