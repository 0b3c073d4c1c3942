// The IPv6 rule pack (cdk-nag style): the Ipv6Checks aspect, its options and its findings. Rules, facts and
// the engine are internal (see RULES.md).
export * from './types';
export * from './ipv6-checks';
