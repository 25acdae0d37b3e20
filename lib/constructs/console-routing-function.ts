/**
 * The CloudFront Function (viewer request, the console's default behavior only) that makes the single-page app's
 * routes loadable directly: every path outside /assets/ is served as /index.html (the build's only other file,
 * console/scripts/build-console.ts), as the local runtime does (local/console-files.ts). /assets/ paths pass through
 * so a missing hashed chunk fails loudly instead of parsing HTML as JavaScript. The /v1/* behavior does not run it,
 * so API responses (403, 404 included) are never rewritten, which distribution-wide custom error responses would do.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html
 */
export const CONSOLE_ROUTING_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/assets/') !== 0) request.uri = '/index.html';
  return request;
}
`;
