const ENGLISH = new Intl.PluralRules('en');

/** "1 asset", "2 assets", "0 assets": a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${ENGLISH.select(count) === 'one' ? singular : pluralForm}`;
}
