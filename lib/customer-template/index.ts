export { buildEventPattern, EVENT_PATTERN_MAX_LENGTH, type EventPatternOptions } from './event-pattern';
export {
  API_KEY_PATTERN,
  EVENTS_ENDPOINT_PATTERN,
  EXTERNAL_ID_PATTERN,
  PLATFORM_PRINCIPAL_PATTERN,
} from './parameter-patterns';
export { TEMPLATE_VERSION } from './version';
