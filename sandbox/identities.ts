/**
 * The principals of the sandbox account: one "admin" IAM user with static keys (AKIA…), and the role sessions
 * AssumeRole hands out (ASIA… keys with a session token and an expiration). Requests are attributed by access key
 * id and their signatures checked against that key's secret (protocol/request-signature.ts).
 */
import { randomBytes } from 'node:crypto';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface Identity {
  readonly kind: 'user' | 'role-session';
  readonly credentials: Credentials;
  /** `arn:aws:iam::<acct>:user/<name>` or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  readonly arn: string;
  /** GetCallerIdentity's UserId: `AIDA…` for users, `AROA…:<session>` for role sessions. */
  readonly userId: string;
  readonly roleArn?: string;
  readonly sessionName?: string;
}

export type IdentityLookup =
  | { readonly status: 'ok'; readonly identity: Identity }
  | { readonly status: 'unknown' }
  | { readonly status: 'expired'; readonly identity: Identity };

function keyId(prefix: 'AKIA' | 'ASIA' | 'AIDA' | 'AROA'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return prefix + Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

export class IdentityStore {
  private readonly byAccessKey = new Map<string, Identity>();
  private readonly roleIds = new Map<string, string>();
  readonly admin: Identity;

  constructor(
    private readonly accountId: string,
    private readonly now: () => Date,
  ) {
    this.admin = {
      kind: 'user',
      credentials: { accessKeyId: keyId('AKIA'), secretAccessKey: randomBytes(30).toString('base64') },
      arn: `arn:aws:iam::${accountId}:user/sandbox-admin`,
      userId: keyId('AIDA'),
    };
    this.byAccessKey.set(this.admin.credentials.accessKeyId, this.admin);
  }

  lookup(accessKeyId: string, sessionToken: string | undefined): IdentityLookup {
    const identity = this.byAccessKey.get(accessKeyId);
    if (!identity) return { status: 'unknown' };
    if (identity.kind === 'role-session') {
      // A session key is only valid with its own token (AWS answers as for an unknown key otherwise).
      if (sessionToken !== identity.credentials.sessionToken) return { status: 'unknown' };
      if ((identity.credentials.expiration?.getTime() ?? 0) <= this.now().getTime()) return { status: 'expired', identity };
    }
    return { status: 'ok', identity };
  }

  /** Issues temporary credentials for a session of `roleArn` (the caller has already been authorized). */
  createRoleSession(roleArn: string, sessionName: string, durationSeconds: number): Identity {
    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    let roleId = this.roleIds.get(roleArn);
    if (!roleId) {
      roleId = keyId('AROA');
      this.roleIds.set(roleArn, roleId);
    }
    const expiration = new Date(Math.floor(this.now().getTime() / 1000) * 1000 + durationSeconds * 1000);
    const identity: Identity = {
      kind: 'role-session',
      credentials: {
        accessKeyId: keyId('ASIA'),
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: randomBytes(96).toString('base64'),
        expiration,
      },
      arn: `arn:aws:sts::${this.accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      roleArn,
      sessionName,
    };
    this.byAccessKey.set(identity.credentials.accessKeyId, identity);
    return identity;
  }
}
