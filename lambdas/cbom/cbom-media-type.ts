/** The media type of the export (https://cyclonedx.org/specification/overview/ "Media Types"). Kept apart from the
 * builder so the OpenAPI document can name it without bundling the CycloneDX library. */
export const CBOM_MEDIA_TYPE = 'application/vnd.cyclonedx+json; version=1.6';
