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
} from '../domain/screening.js';
export {
  type CreateScreeningInput,
  createScreening,
  resumeScreening,
  type Screening,
  type ScreeningAgency,
  type ScreeningStep,
} from './engine/conversation.js';
export { planQuestions } from './engine/plan-questions.js';
export { countSmsSegments, type SmsEncoding, type SmsSegmentCount } from './engine/sms-segments.js';
export { type TemplateKey, templateKeys } from './engine/templates.js';
export { type GuardCategory, type GuardResult, type GuardViolation, guardMessage } from './guard/guard.js';
export {
  type InterpretReplyContext,
  interpretReply,
  interpretReplyWithRules,
} from './reading/interpret-reply.js';
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
