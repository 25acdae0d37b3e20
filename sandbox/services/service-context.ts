/** What a per-service handler gets for one request, and the shape of a handler. */
import type { z } from 'zod';
import type { EstateBuilder } from '../estate/estate-builder';
import type { RegionEstate } from '../estate/estate';
import type { Identity } from '../identities';
import type { Violation } from '../request-log';
import { validationError } from '../protocol/aws-service-error';

export interface ServiceContext {
  readonly region: string;
  readonly accountId: string;
  /** The region's records (an enabled region without assets gets an empty estate). */
  readonly estate: RegionEstate;
  readonly identity: Identity;
  /** The sandbox's read-only role (policies that deny "the role" deny its sessions). */
  readonly roleArn: string;
  readonly builder: EstateBuilder;
  readonly now: () => Date;
  readonly recordViolation: (v: Pick<Violation, 'kind' | 'detail'>) => void;
}

export type OperationHandler = (input: Record<string, unknown>, ctx: ServiceContext) => unknown;

/** Operations of one service, by name (`ListKeys`…). */
export type ServiceOperations = Readonly<Record<string, OperationHandler>>;

/** Validates an operation's input like AWS's request validation does (→ ValidationException). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw validationError(`Value at '${issue.path.join('.')}' failed to satisfy constraint: ${issue.message}`);
  }
  return parsed.data;
}

/** Epoch seconds, the JSON protocols' timestamp format. */
export function epochSeconds(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Date.parse(iso) / 1000;
}

/** Drops undefined members so responses carry only the fields that have a value, like AWS's. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
