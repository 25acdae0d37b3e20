/**
 * How the customer template is deployed in the account: a stack per region (the default: the regions of the event
 * pipeline, sandbox/pipeline/event-pipeline.ts), or a StackSet whose instances the doctor reads
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackInstanceSummary.html). Tests set the
 * states customers meet: a stack rolled back, an instance OUTDATED or INOPERABLE, a PrimaryRegion never deployed.
 */
import { TEMPLATE_VERSION } from '../../lib/customer-template/version';

/** The stack description the template sets (lib/customer-template-stack.ts), by which the doctor finds the stack. */
export const templateDescription = (version: string) =>
  `AQtive Guard AWS integration: read-only inventory role and CloudTrail event forwarding (template version ${version})`;

export interface SandboxStack {
  readonly name: string;
  readonly region: string;
  status: string;
  statusReason?: string;
  templateVersion: string;
  readonly createdAt: Date;
}

export interface SandboxStackInstance {
  readonly region: string;
  /** CURRENT | OUTDATED | INOPERABLE */
  status: string;
  /** PENDING | RUNNING | SUCCEEDED | FAILED | CANCELLED | INOPERABLE | SKIPPED_SUSPENDED_ACCOUNT | FAILED_IMPORT */
  detailedStatus: string;
  statusReason?: string;
}

export interface SandboxStackSet {
  readonly name: string;
  readonly stackSetId: string;
  /** The template's PrimaryRegion parameter ('' = each instance is its own primary). */
  primaryRegion: string;
  readonly instances: Map<string, SandboxStackInstance>;
}

export class UnknownStackError extends Error {
  constructor(what: string) {
    super(`The sandbox has no ${what}`);
    this.name = 'UnknownStackError';
  }
}

export class SandboxTemplateStacks {
  readonly stacks = new Map<string, SandboxStack>();
  readonly stackSets = new Map<string, SandboxStackSet>();

  constructor(
    readonly accountId: string,
    private readonly now: () => Date,
    regions: readonly string[],
  ) {
    for (const region of regions) this.deployStack(region);
  }

  stackArn(stack: SandboxStack): string {
    return `arn:aws:cloudformation:${stack.region}:${this.accountId}:stack/${stack.name}/${stack.createdAt.getTime().toString(16).padStart(12, '0')}-0000-4000-8000-000000000000`;
  }

  deployStack(region: string, name = 'aqtive-guard'): SandboxStack {
    const stack: SandboxStack = { name, region, status: 'CREATE_COMPLETE', templateVersion: TEMPLATE_VERSION, createdAt: this.now() };
    this.stacks.set(region, stack);
    return stack;
  }

  /** E.g. UPDATE_ROLLBACK_COMPLETE with AWS's reason. */
  setStackStatus(region: string, status: string, statusReason?: string): void {
    const stack = this.stacks.get(region);
    if (!stack) throw new UnknownStackError(`stack in ${region}`);
    stack.status = status;
    stack.statusReason = statusReason;
  }

  deleteStack(region: string): void {
    if (!this.stacks.delete(region)) throw new UnknownStackError(`stack in ${region}`);
  }

  /** A StackSet with one CURRENT instance per region (its administrator account is this one). */
  createStackSet(name: string, input: { regions: readonly string[]; primaryRegion?: string }): SandboxStackSet {
    const instances = new Map(input.regions.map((region) => [region, { region, status: 'CURRENT', detailedStatus: 'SUCCEEDED' }]));
    const set: SandboxStackSet = { name, stackSetId: `${name}:${this.now().getTime().toString(16)}-0000-4000-8000-000000000001`, primaryRegion: input.primaryRegion ?? '', instances };
    this.stackSets.set(name, set);
    return set;
  }

  setInstanceStatus(stackSetName: string, region: string, status: { status: string; detailedStatus?: string; statusReason?: string }): void {
    const instance = this.stackSets.get(stackSetName)?.instances.get(region);
    if (!instance) throw new UnknownStackError(`instance of StackSet ${stackSetName} in ${region}`);
    instance.status = status.status;
    instance.detailedStatus = status.detailedStatus ?? instance.detailedStatus;
    instance.statusReason = status.statusReason;
  }
}
