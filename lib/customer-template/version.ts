/**
 * Version of the customer-facing CloudFormation template. Bump it whenever the synthesized template changes in a
 * way a customer would need to redeploy for: it is in the template Description, the `TemplateVersion` output and
 * the `X-AQG-Template-Version` header of every event delivery, so the backend knows which version each region runs.
 */
export const TEMPLATE_VERSION = '1.0.0';
