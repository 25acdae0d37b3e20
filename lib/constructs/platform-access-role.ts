import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PlatformFunction } from './platform-function';

/** The functions that call into customer accounts through this role. */
export type CustomerAccountCaller = PlatformFunction<'accounts-api' | 'crawl-prepare' | 'crawl-service' | 'event-processor' | 'pipeline-health'>;

export interface PlatformAccessRoleProps {
  /** The functions that assume this role, then a customer's role with its ExternalId (role chaining). */
  readonly callers: readonly CustomerAccountCaller[];
  /** Functions that only name the role (as the principal customers trust) and never assume it. @default - none */
  readonly namedBy?: ReadonlyArray<PlatformFunction<'template-api'>>;
  /** @default 1 hour, the most a chained role session may last */
  readonly maxSessionDuration?: Duration;
}

/**
 * The AQtive Guard principal customers trust: their read-only role's trust policy names only this role (with their
 * ExternalId), never the functions' own roles, so functions can be replaced without customers changing anything.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
 */
export class PlatformAccessRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: PlatformAccessRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      description: 'The AQtive Guard principal that customer read-only roles trust (with their ExternalId)',
      assumedBy: new iam.CompositePrincipal(...props.callers.map((c) => new iam.ArnPrincipal(c.function.role!.roleArn))),
      maxSessionDuration: props.maxSessionDuration ?? Duration.hours(1),
    });
    // The logical ID the role had before this construct existed: its generated name is in every customer's trust
    // policy, so a new logical ID (a new role) would lock the platform out of every connected account.
    (this.role.node.defaultChild as iam.CfnRole).overrideLogicalId('PlatformAccessRole51CA9F1D');
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeCustomerRolesOnlyWithExternalId',
        actions: ['sts:AssumeRole'],
        resources: ['arn:aws:iam::*:role/*'],
        conditions: { Null: { 'sts:ExternalId': 'false' } },
      }),
    );
    // Never a role of the platform itself: not in its own account, not in its own organization (when it has one).
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'NeverAssumeRolesOfThePlatformAccount',
        effect: iam.Effect.DENY,
        actions: ['sts:AssumeRole'],
        resources: [`arn:${Stack.of(this).partition}:iam::${Stack.of(this).account}:role/*`],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'NeverAssumeRolesOfThePlatformOrganization',
        effect: iam.Effect.DENY,
        actions: ['sts:AssumeRole'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' } },
      }),
    );
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:aws:iam::*:role/*]',
      reason:
        'Customers connect roles in their own accounts under names they choose; the ExternalId condition (required here) and the customer trust policy bound it.',
    });
    for (const caller of props.callers) {
      this.role.grantAssumeRole(caller.function.role!);
      caller.addEnvironment('PLATFORM_ACCESS_ROLE_ARN', this.role.roleArn);
    }
    for (const fn of props.namedBy ?? []) fn.addEnvironment('PLATFORM_ACCESS_ROLE_ARN', this.role.roleArn);
  }
}
