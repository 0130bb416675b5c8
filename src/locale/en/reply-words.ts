import type { ReplyWords } from '../locale.js';

/** How candidates answer by SMS, English (see `../fr/reply-words.ts`). Read in every conversation. */
export const replyWords: ReplyWords = {
  optOutAlone: ['unsubscribe', 'quit', 'cancel'],
  optOut: [
    'unsubscribe',
    'opt out',
    'don t (text|contact|message) me',
    'stop (texting|messaging|contacting)',
    '(remove|delete) my (number|details)',
  ],
  injection: [
    {
      pattern:
        '\\bignore (?:all |any )?(?:(?:previous|prior|above|your|the|my) )*(?:instructions?|rules|prompts?)\\b',
    },
    'disregard',
    '(act as|pretend (to be|you are)|you are now|from now on you)',
    '(prompt|system prompt|developer mode|jailbreak|dan mode)',
    'new instructions?',
    '(mark|set|put) me (as |)(available|qualified|selected)',
    'candidate is qualified',
  ],
  wantsHuman: [
    '(want|need|prefer|like) (to (speak|talk) (to|with) |)(a human|a real person|a person|someone)',
    '(call|ring|phone) me',
    '(speak|talk) (to|with) (someone|a person|a human|an agent|a recruiter)',
  ],
  positiveWithNegation: ['no problem', 'no worries'],
  notUnderstood: ['what do you mean'],
  absence: [],
  unsure: ['maybe', 'not sure', 'i don t know', 'dunno'],
  weak: [],
  negative: [
    '(no|nope|nah|not available|can t|cannot|unavailable|don t|do not|doesn t|haven t|have not|not|never|won t|isn t)',
    'too (low|little|far|late|early)',
  ],
  negatedAfter: [],
  restriction: ['only', 'except', 'but'],
  positive: ['(yes|yeah|yup|sure|of course|fine|good|great|confirmed|count me in|available)'],
  interjections: ['yes'],
  aloneYes: [],
  questionLeads: [],
  questionStart: ['how much', 'what', 'when', 'where', 'why', 'how'],
  questionAnywhere: [],
  questionAbout: {
    duration: ['how long'],
    pay: ['(how much|pay|rate|wage|salary|gross|net)'],
    hours: ['(shift|hours?)'],
    address: ['(address|where)'],
    dates: ['when'],
  },
  transport: {
    carpool: [],
    car: ['(my car|by car|drive|driving)'],
    motorbike: ['motorbike'],
    bike: ['(bike|bicycle)'],
    walk: ['(walk|walking)'],
    public: ['(public transport|bus|train|tram|subway|metro)'],
  },
  noTransport: [
    // "no" is read as "non" (SMS shorthand).
    '(no|non) (car|vehicle|means of transport|transport|ride)',
    'don t have a (car|vehicle)',
    'i don t drive',
  ],
  immediate: ['(asap|right away|now)'],
  smsShorthand: {},
  smsPhrases: [],
  validity: [],
  acknowledgement: ['thanks for (the|your) (message|info|text)', '(noted|got it|will let you know)'],
  courtesy: ['ok', 'thanks', 'thank you', 'great', 'cool'],
  smallTalk: [{ pattern: '^\\s*(?:hi|hello|hey)?\\s*how are you\\s*\\?*\\s*$' }],
  botQuestion: [
    '(are you|is this|am i (talking|speaking|chatting|texting) (to|with)|r u|you are|is it) (a |an |)(bot|robot|ai|human|real person|machine|automated|computer)',
  ],
  busy: ['i m driving', 'at work (now|right now)', 'can t (talk|reply|text) (now|right now)'],
  dateContext: ['(available|free|start|starting|ok|yes|from|after|until|can|could|ready|work)'],
  dateFillers: ['the', 'on', 'in', 'at', 'from'],
  notYetHeld: [
    '(must|have to|need to|got to|will) (retake|renew|redo|pass|take) (it|the)',
    'retake',
    'taking it (next|in|on)',
  ],
  awaitingDocument: ['(waiting for|haven t (got|received)) (the|my) (certificate|card|paper)'],
  transportDoubt: ['(broken down|in the garage)'],
};
