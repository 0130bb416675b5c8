import type { ReplyWords } from '../locale.js';

/** How candidates answer by SMS, English (see `../fr/reply-words.ts`). Read in every conversation. */
export const replyWords: ReplyWords = {
  optOutAlone: ['unsubscribe', 'quit', 'cancel'],
  optOut: ['unsubscribe', 'opt out', 'don t (text|contact|message) me', 'stop (texting|messaging)'],
  injection: [
    {
      pattern:
        '\\bignore (?:all |any )?(?:(?:previous|prior|above|your|the|my) )*(?:instructions?|rules|prompts?)\\b',
    },
    'disregard',
    '(act as|pretend (to be|you are)|you are now|from now on you)',
    '(prompt|system prompt|developer mode|jailbreak|dan mode)',
    'new instructions?',
  ],
  wantsHuman: ['(human|real person)', 'call me', 'speak to (someone|a person)'],
  positiveWithNegation: ['no problem', 'no worries'],
  notUnderstood: ['what do you mean'],
  absence: [],
  unsure: ['maybe', 'not sure', 'i don t know', 'dunno'],
  weak: [],
  negative: [
    '(no|nope|nah|not available|can t|cannot|unavailable|don t|do not|doesn t|haven t|have not|not|never|won t|isn t)',
  ],
  negatedAfter: [],
  restriction: ['only', 'except', 'but'],
  positive: ['(yes|yeah|yup|sure|of course|fine|good|great)'],
  interjections: ['yes'],
  aloneYes: [],
  questionLeads: [],
  questionStart: ['how much', 'what', 'when', 'where', 'why', 'how'],
  questionAnywhere: [],
  questionAbout: {
    duration: ['how long'],
    pay: ['(how much|pay|rate|wage)'],
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
    public: ['public transport'],
  },
  noTransport: ['no car'],
  immediate: ['(asap|right away|now)'],
  smsShorthand: {},
  smsPhrases: [],
  validity: [],
};
