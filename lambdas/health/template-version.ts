/**
 * The template version this deployment serves: the `TemplateVersion` output of the committed customer template
 * (templates/cloudformation-template.json, generated from lib/customer-template/version.ts), which regions' deliveries
 * are compared against.
 */
export function servedTemplateVersion(template: { readonly Outputs?: Readonly<Record<string, { readonly Value?: unknown }>> }): string {
  const value = template.Outputs?.TemplateVersion?.Value;
  if (typeof value !== 'string') throw new Error('templates/cloudformation-template.json has no TemplateVersion output');
  return value;
}
