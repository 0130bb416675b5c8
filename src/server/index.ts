// Public API of the SMS webhook server. Hono and its Node adapter are imported by `startWebhookServer`,
// never when this module loads.
export { type DueWorkLoop, type DueWorkLoopOptions, startDueWorkLoop } from './due-work-loop.js';
export {
  createJsonLogger,
  type JsonLogger,
  type JsonLoggerOptions,
  type LogLevel,
} from './json-logger.js';
export { type DeliveryReportResult, recordDeliveryReport } from './record-delivery-report.js';
export { twilioSignedUrls } from './twilio-signed-urls.js';
export type { WebhookReply, WebhookReplyHandler, WebhookReplyOutcome } from './webhook-reply.js';
export {
  type StartWebhookServerOptions,
  startWebhookServer,
  type TwilioWebhookOptions,
  type WebhookServer,
  type WebhookServerOptions,
} from './webhook-server.js';
