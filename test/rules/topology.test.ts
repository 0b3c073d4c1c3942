import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack } from 'cdktf';
import { buildApp } from '../../examples/ipv6-eci/main';
import { alicloud, ContainerGroup, DualStackVpc, Ipv6Checks, Ipv6EgressOnlyRule, Peer, Port, SecurityGroup } from '../../src';

/** The Mermaid flowchart of an `ipv6-topology.md`, as nodes (id → label, subgraph) and edges. */
interface Graph {
  nodes: Map<string, { label: string; parent?: string }>;
  edges: Array<{ from: string; to: string; kind: string; label: string }>;
  classes: Map<string, string>;
}

function parse(md: string): Graph {
  const body = /```mermaid\n([\s\S]*?)\n```/.exec(md);
  if (!body) throw new Error(`no mermaid block in:\n${md}`);
  const g: Graph = { nodes: new Map(), edges: [], classes: new Map() };
  const parents: string[] = [];
  for (const raw of body[1].split('\n').slice(1)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^subgraph (\w+)\["(.*)"\]$/.exec(line))) {
      g.nodes.set(m[1], { label: m[2], parent: parents[parents.length - 1] });
      parents.push(m[1]);
    } else if (line === 'end') {
      parents.pop();
    } else if ((m = /^(\w+) (---|-\.-|==>|-\.->)(?:\|"(.*)"\|)? (\w+)$/.exec(line))) {
      g.edges.push({ from: m[1], kind: m[2], label: m[3] ?? '', to: m[4] });
    } else if ((m = /^class ([\w,]+) (\w+)$/.exec(line))) {
      for (const id of m[1].split(',')) g.classes.set(id, m[2]);
    } else if ((m = /^(\w+)(?:\["(.*)"\]|\{\{"(.*)"\}\}|\(\("(.*)"\)\))$/.exec(line))) {
      g.nodes.set(m[1], { label: m[2] ?? m[3] ?? m[4], parent: parents[parents.length - 1] });
    } else if (!line.startsWith('classDef')) {
      throw new Error(`unparsed mermaid line: ${line}`);
    }
  }
  return g;
}

function nodeWith(g: Graph, text: string): string {
  const ids = [...g.nodes].filter(([, n]) => n.label.includes(text)).map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one node with '${text}', got ${ids.join(', ') || 'none'}`);
  return ids[0];
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-topology-'));
}

describe('ipv6-topology.md', () => {
  test('the example: the public nginx ECI is reachable from ::/0 on TCP 80, the private fleet is not', () => {
    const outdir = tmp();
    try {
      buildApp(outdir).synth();
      const md = fs.readFileSync(path.join(outdir, 'stacks', 'ipv6-eci', 'ipv6-topology.md'), 'utf-8');
      const g = parse(md);

      const vpc = nodeWith(g, 'VPC ipv6-eci-example (ipv6-eci/Vpc)');
      expect(g.nodes.get(vpc)!.label).toContain('IPv6 /56');
      const vswA = nodeWith(g, 'vSwitch cn-huhehaote-a');
      const vswB = nodeWith(g, 'vSwitch cn-huhehaote-b');
      expect(g.nodes.get(vswA)).toMatchObject({ parent: vpc });
      expect(g.nodes.get(vswA)!.label).toContain('10.0.0.0/24 · IPv6 /64 #0');
      expect(g.nodes.get(vswB)!.label).toContain('10.0.1.0/24 · IPv6 /64 #1');
      const gw = nodeWith(g, 'IPv6 gateway (ipv6-eci/Vpc/Ipv6Gateway)');
      expect(g.nodes.get(gw)!.parent).toBe(vpc);

      const web = nodeWith(g, 'ECI ipv6-eci/Web');
      expect(g.nodes.get(web)).toMatchObject({ parent: vswA });
      expect(g.nodes.get(web)!.label).toContain('REACHABLE from the Internet');
      expect(g.classes.get(web)).toBe('reachable');
      const fleet = nodeWith(g, 'Fleet ipv6-eci/Workers');
      expect(g.nodes.get(fleet)!.label).toContain('3 ECIs, 1 IPv6 address each');
      expect(g.nodes.get(fleet)!.label).toContain('not reachable from the Internet');
      expect(g.classes.get(fleet)).toBe('private');

      const into = (id: string) => g.edges.filter((e) => e.to === id);
      expect(g.edges).toContainEqual({ from: 'internet', kind: '---', label: '', to: gw });
      expect(into(web)).toEqual([
        { from: gw, kind: '==>', label: 'IPv6 Internet bandwidth 10 Mbit/s PayByBandwidth', to: web },
        { from: 'internet', kind: '-.->', label: 'TCP 80 from ::/0 allowed by ipv6-eci/WebSg', to: web },
      ]);
      // nothing reaches the fleet: no bandwidth, no opening; it only sits in both vSwitches
      expect(into(fleet)).toEqual([]);
      expect(g.edges.filter((e) => e.from === fleet)).toEqual([
        { from: fleet, kind: '-.-', label: '', to: vswA },
        { from: fleet, kind: '-.-', label: '', to: vswB },
      ]);
      expect(md).toContain('| ECI ipv6-eci/Web | 10 Mbit/s PayByBandwidth | TCP 80 (ipv6-eci/WebSg) | **yes**');
      // the README's "How IPv6 reaches an ECI here" shows this very diagram
      const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
      const section = readme.slice(readme.indexOf('## How IPv6 reaches an ECI here'), readme.indexOf('## Constructs'));
      expect(/```mermaid\n[\s\S]*?\n```/.exec(section)?.[0]).toBe(/```mermaid\n[\s\S]*?\n```/.exec(md)![0]);
      expect(md).toContain('| Fleet ipv6-eci/Workers | none | nothing | no: private IPv6: ESS cannot give fleet ECIs Internet bandwidth |');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  function stackWith(build: (stack: TerraformStack, vpc: DualStackVpc, sg: SecurityGroup) => void, reports = true) {
    const outdir = tmp();
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 's');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    if (!reports) Aspects.of(stack).add(new Ipv6Checks({ reports: false }));
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-hangzhou-h'] });
    const sg = new SecurityGroup(stack, 'Sg', { vpc });
    build(stack, vpc, sg);
    app.synth();
    const file = path.join(outdir, 'stacks', 's', 'ipv6-topology.md');
    const md = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : undefined;
    fs.rmSync(outdir, { recursive: true, force: true });
    return md;
  }
  const nginx = { name: 'nginx', image: 'nginx:alpine', ports: [{ port: 443 }] };

  test('a port open to ::/0 without Internet bandwidth is drawn, and says why it is not reachable', () => {
    const md = stackWith((stack, vpc, sg) => {
      sg.addIngressRule(Peer.ipv6('::/0'), Port.tcp(443));
      new ContainerGroup(stack, 'Api', { vpc, securityGroup: sg, ipv6AddressCount: 1, cpu: 1, memory: 2, containers: [nginx] });
    })!;
    const g = parse(md);
    const api = nodeWith(g, 'ECI s/Api');
    expect(g.nodes.get(api)!.label).toContain('not reachable from the Internet');
    expect(g.edges.filter((e) => e.to === api)).toEqual([
      { from: 'internet', kind: '-.->', label: 'TCP 443 from ::/0 allowed by s/Sg (not reachable: private IPv6: no IPv6 Internet bandwidth (though TCP 443 is open to ::/0))', to: api },
    ]);
  });

  test('bandwidth with an egress-only rule is outbound only; bandwidth without an opening is not reachable', () => {
    const md = stackWith((stack, vpc, sg) => {
      sg.addIngressRule(Peer.ipv6('2001:db8::/32'), Port.tcp(443)); // not the whole Internet
      const out = new ContainerGroup(stack, 'Out', { vpc, securityGroup: sg, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 5 }, cpu: 1, memory: 2, containers: [nginx] });
      new Ipv6EgressOnlyRule(stack, 'OutOnly', { ipv6Gateway: vpc.ipv6Gateway!, ipv6AddressId: out.ipv6AddressId! });
      new ContainerGroup(stack, 'Closed', { vpc, securityGroup: sg, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 5 }, cpu: 1, memory: 2, containers: [nginx] });
    })!;
    const g = parse(md);
    expect(g.nodes.get(nodeWith(g, 'ECI s/Out'))!.label).toContain('not reachable');
    expect(md).toContain('| ECI s/Out | 5 Mbit/s PayByBandwidth | nothing | no: outbound only: an egress-only rule on its address |');
    expect(md).toContain('| ECI s/Closed | 5 Mbit/s PayByBandwidth | nothing | no: no IPv6 ingress from ::/0 in its security group |');
    expect([...g.classes.values()]).not.toContain('reachable');
  });

  test('reports: false writes no picture either; a stack without IPv6 ECIs says so', () => {
    expect(stackWith(() => undefined, false)).toBeUndefined();
    expect(stackWith(() => undefined)).toContain('No ECI or fleet of this stack has IPv6.');
  });
});
