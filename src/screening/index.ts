export {
  type CreateScreeningInput,
  createScreening,
  resumeScreening,
  type Screening,
  type ScreeningAgency,
  type ScreeningStep,
} from './conversation.js';
export { type GuardCategory, type GuardResult, type GuardViolation, guardMessage } from './guard.js';
export { type InterpretReplyContext, interpretReply, interpretReplyWithRules } from './interpret-reply.js';
export { planQuestions } from './plan-questions.js';
export {
  type Assessment,
  type ExtractedCertificate,
  type ExtractedDate,
  type ExtractedValues,
  type QuestionAbout,
  type QuestionTopic,
  type ReplyIntent,
  type ReplyInterpretation,
  replyInterpretationSchema,
  type ScreeningAnswer,
  type ScreeningEvent,
  type ScreeningMessage,
  type ScreeningOptions,
  type ScreeningOptionsInput,
  type ScreeningOutcome,
  type ScreeningQuestion,
  type ScreeningState,
  type ScreeningStatus,
  screeningOptionsSchema,
  screeningOutcomeSchema,
  screeningStateSchema,
  type TransportMode,
} from './schemas.js';
export { countSmsSegments, type SmsEncoding, type SmsSegmentCount } from './sms-segments.js';
export { type TemplateKey, templateKeys } from './templates.js';
export {
  type ConsoleTransportOptions,
  createConsoleTransport,
  type InboundSms,
  type SmsTransport,
} from './transports/console-transport.js';
export {
  createTwilioTransport,
  type TwilioTransportOptions,
  validateTwilioSignature,
} from './transports/twilio-transport.js';
