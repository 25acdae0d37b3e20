/** The Suppress form's rules, pure (tested without a browser). */

/** A suppression's expiry: the end of the chosen day, UTC (the API takes an instant; the day is what a user picks). */
export function expiryInstant(day: string): string {
  return `${day}T23:59:59Z`;
}

export function suppressionProblems(reason: string, expiryDay: string, now: Date): { reason?: string; expiry?: string } {
  const problems: { reason?: string; expiry?: string } = {};
  if (reason.trim() === '') problems.reason = 'Say why this finding is accepted: the reason is kept with it for audit.';
  else if (reason.length > 1000) problems.reason = `The reason is ${reason.length} characters long; the limit is 1,000.`;
  if (expiryDay !== '' && Date.parse(expiryInstant(expiryDay)) <= now.getTime()) problems.expiry = 'The expiry must be in the future.';
  return problems;
}
