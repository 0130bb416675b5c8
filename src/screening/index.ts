export {
  type CreateScreeningStateInput,
  createScreeningState,
  type ScreeningAgency,
  screeningJobOf,
} from './engine/create-state.js';
export { planQuestions } from './engine/plan-questions.js';
export {
  type CreateScreeningInput,
  createScreening,
  identifiersOf,
  readReplyForStep,
  resumeScreening,
  type Screening,
  type ScreeningAuditOptions,
  type ScreeningStep,
} from './engine/screening.js';
export { screeningOutcome } from './engine/screening-outcome.js';
export {
  countSmsSegments,
  type SmsEncoding,
  type SmsSegmentCount,
  transliterateToGsm7,
} from './engine/sms-segments.js';
export { type StepResult, step } from './engine/step.js';
export { type TemplateKey, templateKeys } from './engine/templates.js';
export { type GuardCategory, type GuardResult, type GuardViolation, guardMessage } from './guard/guard.js';
export {
  type InterpretReplyContext,
  interpretReply,
  interpretReplyWithRules,
  isUnsure,
  type ModelReading,
  modelReadingSchema,
  POSITIVE_ANSWER_FROM,
} from './reading/interpret-reply.js';
export { redactReply } from './reading/protected-facts.js';
export type { ReplyContext } from './reading/read-reply-rules.js';
export {
  type ConsoleTransportOptions,
  createConsoleTransport,
  type InboundSms,
  type SmsTransport,
} from './transports/console-transport.js';
export type { SmsDeliveryReport, SmsDeliveryStatus } from './transports/sms-transport.js';
export {
  createTwilioTransport,
  parseTwilioDeliveryReport,
  type TwilioTransportOptions,
  validateTwilioSignature,
} from './transports/twilio-transport.js';
