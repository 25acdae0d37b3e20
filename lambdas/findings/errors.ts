/** Bad input to the findings domain; `field` names what to fix (the API maps these to 400). */
export class FindingsInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FindingsInputError';
  }
}

export class UnknownRuleError extends FindingsInputError {
  constructor(readonly ruleId: string) {
    super('ruleId', `Unknown rule id "${ruleId}"`);
    this.name = 'UnknownRuleError';
  }
}

export class UnknownProfileError extends FindingsInputError {
  constructor(readonly profile: string) {
    super('profile', `Unknown profile "${profile}" (expected all, aws-foundational or pqc-readiness)`);
    this.name = 'UnknownProfileError';
  }
}

/** A suppression that cannot apply (a resolved finding, an expiry in the past, no reason). */
export class InvalidSuppressionError extends FindingsInputError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = 'InvalidSuppressionError';
  }
}
