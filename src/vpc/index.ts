export * from './interfaces';
export * from './dual-stack-vpc';
export * from './ipv6-gateway';
export * from './ipv6-internet-bandwidth';
export * from './ipv6-egress-only-rule';
