import { IConstruct } from 'constructs';

/** A security group that container groups and fleets can join. */
export interface ISecurityGroup extends IConstruct {
  /** ID of the security group (`sg-...`). */
  readonly securityGroupId: string;
  /** ID of the VPC the security group belongs to. */
  readonly vpcId: string;
}
