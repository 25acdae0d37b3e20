import { z } from 'zod';

/**
 * Principals a KMS key policy allows to USE the key (cryptographic operations), read from its Allow statements.
 * Policy grammar: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 * Deny statements and conditions are not evaluated: this is an inventory of who is named, not an access analyzer.
 */
const USE_ACTIONS = [
  'kms:encrypt',
  'kms:decrypt',
  'kms:reencrypt*',
  'kms:reencryptfrom',
  'kms:reencryptto',
  'kms:generatedatakey',
  'kms:generatedatakey*',
  'kms:generatedatakeywithoutplaintext',
  'kms:generatedatakeypair',
  'kms:generatedatakeypairwithoutplaintext',
  'kms:sign',
  'kms:verify',
  'kms:generatemac',
  'kms:verifymac',
  'kms:derivesharedsecret',
];

const stringOrList = z.union([z.string(), z.array(z.string())]);
const principal = z.union([z.literal('*'), z.record(z.string(), stringOrList)]);
const statement = z.object({
  Effect: z.string(),
  Principal: principal.optional(),
  Action: stringOrList.optional(),
});
const policySchema = z.object({ Statement: z.union([statement, z.array(statement)]) });

export class KeyPolicyParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyPolicyParseError';
  }
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function grantsUse(action: string): boolean {
  const a = action.toLowerCase();
  if (a === '*' || a === 'kms:*') return true;
  if (USE_ACTIONS.includes(a)) return true;
  if (a.endsWith('*')) {
    const prefix = a.slice(0, -1);
    return USE_ACTIONS.some((u) => u.startsWith(prefix));
  }
  return false;
}

export function keyPolicyPrincipals(policyJson: string): string[] {
  let parsed: z.infer<typeof policySchema>;
  try {
    parsed = policySchema.parse(JSON.parse(policyJson));
  } catch (err) {
    throw new KeyPolicyParseError(`key policy is not a valid policy document: ${(err as Error).message}`);
  }
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  const principals = new Set<string>();
  for (const s of statements) {
    if (s.Effect !== 'Allow' || !s.Principal || !asList(s.Action).some(grantsUse)) continue;
    if (s.Principal === '*') principals.add('*');
    else for (const values of Object.values(s.Principal)) for (const v of asList(values)) principals.add(v);
  }
  return [...principals].sort();
}
