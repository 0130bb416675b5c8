import type { ExtractedValues, ReplyInterpretation } from '../../domain/index.js';
import { readPolarity } from './decide-answer.js';
import { type CalendarDay, extractDates } from './reply-dates.js';
import { replyRules } from './reply-rules.js';

/**
 * The second reading of a reply, before a yes or a date is accepted. The first reading (`decideAnswer` and
 * the clause scope) finds the answer in the words that carry it; this one reads the scope of the whole
 * normalised reply, with markers of its own (not the answer lexicons), and may veto or downgrade the yes
 * or the date, saying why (`ReplyInterpretation.verification`). It never makes a reply more positive,
 * but for one case: a date gone by after "depuis" / "since" ("dispo depuis le 15 décembre") says the
 * person is free now.
 *
 * Checks, in order (the first that holds decides):
 * - **quoted**: the reply quotes the message ("\"êtes-vous disponible le 4 ?\" non"): the reply is read
 *   again without the quotation, and that reading stands;
 * - **asked**: the yes or the date is asked back, not said ("oui quoi ?", "yes to what?", "c'est bien à
 *   partir du 4 ?", "le 4 ou le 11 ?"): a question (a date asked with an offer, "mardi ça ira ?", stands);
 * - **reported**: someone else's words ("mon frère dit oui", "ma copine pense que je devrais dire oui"):
 *   about someone else, nothing; about the person, partial;
 * - **past** and **past-date**: a yes in the past tense ("I was free until…", "j'étais dispo") or a date
 *   gone by ("j'ai fini ma mission le 18 décembre"): no answer (a no when the reply says "now" or
 *   negates);
 * - **hypothetical**: a conditional or counterfactual with a condition or a contrast ("je dirais oui si…",
 *   "I'd be available if…"): partial;
 * - **doubt** and **deferred**: doubt anywhere ("je serai peut-être dispo le 4", "I might be free") or a
 *   decision put off ("je pourrai vous dire la semaine prochaine"): partial;
 * - **time-bound**: a yes bound to a time or an event no date was read for ("dès que j'ai fini mon contrat",
 *   "dès la rentrée"), or a day of the month that is a week's rank ("from the 2nd week"): partial;
 * - **litotes**: "je ne dis pas non", "pas contre": partial;
 * - **negated**: a way to come whose licence is negated ("j'ai une voiture mais pas le permis"): no; a
 *   yes beside being away with no date ("oui par contre je suis en arrêt", "je serai en vacances"): partial;
 * - **sarcasm**: laughter beside "c'est ça", "bien sûr", "yeah right": no answer; praise of the pay that
 *   mocks it ("je vais m'acheter une villa", "moins que mon ancien taf"): a no to the rate;
 * - **greeting**, **acknowledged**, **identity**: a yes word that only greets ("oui bonjour"), thanks
 *   ("super merci de penser à moi"), reacts alone ("cool") or says who one is ("oui c'est bien mon
 *   numéro"): no answer.
 *
 * Precision of yes and dates first: a veto costs a question asked again; a wrong yes, a person's standing.
 */

type VetoReason = NonNullable<ReplyInterpretation['verification']>['reason'];

export interface VerificationInput {
  /** The reply as read (protected facts and identifiers left out), emoji and punctuation kept. */
  raw: string;
  /** `normalizeReply(raw)`. */
  normalized: string;
  /**
   * The whole reply normalised, protected facts and identity kept: used only to tell who speaks or is
   * spoken of ("ma femme a une voiture"), never to weigh a protected fact.
   */
  whole: string;
  topic: string | null;
  /** Today, `YYYY-MM-DD`, in the conversation's time zone. */
  today: string;
  /** Reads a text again from the start (first and second reading): used on the reply without quotations. */
  reread: (raw: string) => ReplyInterpretation;
}

/** Quotations of the message: straight, curly and French quotes (apostrophes are no quotes). */
const QUOTATION = /"[^"]*\p{L}[^"]*"|“[^”]*\p{L}[^”]*”|«[^»]*\p{L}[^»]*»|„[^“”]*\p{L}[^“”]*[“”]/gu;

/** Pieces of a normalised reply, each with the mark that ends it. */
const PIECE = /[^.,;:!?]+(?:[.,;:!?]+|$)/g;
const LINKS = /\b(?:et|mais|alors|donc|puis|and|but|so|then)\b/;

/** A question word bound to the answer it asks about: "pour quoi", "à partir de quand", "to what". */
const BOUND_QUESTION =
  /\b(?:pour|de|a|jusqu a|jusqu|depuis|to|for|from|until|till|since)\s+(?:quoi|qui|quand|combien|what|when|whom|who|how long)\b/;
/** A yes word followed by "quoi" / "what": "oui quoi ?", "je confirme quoi au juste ?". */
const YES_WHAT =
  /\b(?:oui|ouais|ok|yes|yeah|dispo|disponible|available|libre|free|confirme|confirmer|confirm)\s+(?:quoi|what|au juste|exactly)\b/;
/** Words that make a date asked back an offer ("mardi ça ira ?", "lundi 11 c possible ?"). */
const DATE_OFFER =
  /\b(?:ca ira|ca irait|ca vous va|ca vous irait|ca va|possible|ok|okay|ca marche|c est bon|ca le fait|convient|conviendrait|d accord|dac|ouais|oui|yes|works?|work for you|would (?:that|it) (?:work|do|be ok)|is (?:that|it) (?:ok|fine|alright)|fine|good|si vous voulez)\b/;
/** "ou" between two dates asked: "le 4 ou le 11 ?". */
const ALTERNATIVE = /\b(?:ou|or)\b/;

/** Someone else speaks or thinks: "mon frère dit", "ma copine pense que", "my wife says", "il paraît". */
const OTHER_PERSON =
  '(?:(?:mon|ma|mes|son|sa|ses|notre|le|la|les|my|his|her|the|our) (?:frere|soeur|pere|mere|femme|mari|copine|copain|compagne|compagnon|pote|potes|ami|amie|amis|fils|fille|cousin|cousine|collegue|collegues|chef|patron|patronne|conseiller|conseillere|voisin|voisine|maman|papa|parents|brother|sister|wife|husband|girlfriend|boyfriend|partner|friend|mate|mum|mom|dad|son|daughter|boss|colleague|adviser|advisor|neighbour|neighbor|cousin|parents)|il|elle|ils|elles|he|she|they)';
const REPORTED = new RegExp(
  `\\b${OTHER_PERSON} (?:(?:me |m )?(?:dit|disent|a dit|ont dit|pense|pensent|trouve|trouvent|croit|croient|demande|veut|voudrait|conseille|says|said|thinks|reckons|wants|told me)\\b)|\\bil parait\\b|\\bapparently\\b`,
);
const FIRST_PERSON = /\b(?:je|j|me|moi|m|i|me|my|im|i m)\b/;
/** A piece whose subject is someone else: "mon pote a une voiture", "my cousin is free", "elle est libre". */
const OTHER_SUBJECT = new RegExp(
  `^(?:(?:mais|but|et|and|oui|yes|ok)\\s+)?${OTHER_PERSON.replace('|il|elle|ils|elles|he|she|they', '')}\\b`,
);
/** A restriction reported ("le médecin a dit pas avant le 15"): a bound, less than a yes, kept. */
const REPORTED_BOUND = /\b(?:pas avant|not before|not until|au plus tot)\b/;

/** Past tense of being free or holding: "j'étais dispo", "I was free", "j'avais le 3". */
const PAST =
  /\b(?:j etais|j etait|etais|etait|j ai ete|j avais(?! (?:passe|eu|obtenu|fait|recu|valide|eu)\b)|je l avais(?! (?:passe|eu|obtenu|fait|recu|valide)\b)|avant oui|i was|was|were|used to|had it|i had(?! (?:passed|got|done|taken)\b)|avais dit|vous avais dit|je voulais|voulais dire|j allais|allais dire|wanted to say|was going to)\b/;
const NOW_CONTRAST = /\b(?:maintenant|plus|desormais|now|anymore|any more|no longer|not)\b/;
/** "depuis le 15 décembre", "since the 20th": a date gone by from which one is free. */
const SINCE = /\b(?:depuis|since)\b/;

/** Conditional and counterfactual verbs, and what makes them hypothetical (a condition or a contrast). */
const CONDITIONAL =
  /\b(?:serais|serait|pourrais|pourrait|aurais|aurait|viendrais|viendrait|accepterais|accepterait|irais|ferais|prendrais|dirais|would|could|i d|would ve|could ve)\b/;
const HYPOTHESIS = /\b(?:si|s il|sauf si|a condition|if|unless|provided|mais|but)\b/;

/** Doubt anywhere in the reply. */
const DOUBT =
  /\b(?:peut etre|peutetre|p e|maybe|might|perhaps|possibly|probablement|probably|pas sure?(?! (?:moi|lui|elle|place)\b)|not sure|unsure|je sais pas|je ne sais pas|sais pas|jsp|dunno|don t know|idk|j hesite|hesite|hesitate|hesitating|on verra|we ll see|a voir)\b/;

/** A decision put off: "je vous dirai", "je pourrai vous dire", "I'll let you know". */
const DEFERRED =
  /\b(?:je (?:vous |te )?(?:le |la )?(?:dirai|redirai|confirmerai|rappellerai|recontacterai|repondrai)|je (?:pourrai|pourrais) (?:vous |te )?(?:dire|confirmer|repondre)|je (?:vous |te )?redis|je (?:vous |te )?(?:dis|confirme) (?:ca )?(?:demain|ce soir|plus tard|bientot|dans)|je reviens vers vous|je vous tiens au courant|(?:i ll|i will|will) (?:let you know|confirm|get back)|let you know|get back to you|keep you posted|confirm (?:tomorrow|later|tonight))\b/;

/** Putting the answer off (a day beside one is when the person will answer). */
const DEFERRED_WORDS =
  /\b(?:je (?:vous |te )?(?:le |ca )?(?:dis|dirai|redis|confirme|confirmerai|rappelle|repondrai|reponds)|reviens vers vous|tiens au courant|(?:i ll|i will|will) (?:let you know|confirm|get back|text|call)|let you know|get back to you)\b/;

/** Saying yes by saying not no. */
const LITOTES =
  /\b(?:(?:ne )?dis pas non|dirais pas non|c est pas non|ce n est pas non|n est pas non|(?:je suis |suis )?pas contre|not saying no|wouldn t say no|not against)\b/;

/** A licence negated beside a car or a motorbike: the way to come is no way. */
const LICENCE_NEGATED =
  /\b(?:pas (?:le|de|mon) permis|sans permis|permis (?:suspendu|retire|annule)|no(?:n)? (?:driving )?licen[cs]e|(?:don t|do not|haven t) (?:have |got )?(?:a |my )?(?:driving )?licen[cs]e|licen[cs]e (?:suspended|revoked|taken))\b/;

/** Telling, reading or calling: a day beside one is when the person will answer, not when they are free. */
const COMMUNICATION =
  /\b(?:lis|lire|lu|regarde|regarder|parler|parle|repondre|reponds|repond|rappeler|rappelle|rappelerai|ecrire|ecris|appeler|appelle|dire|dis|redis|confirme|confirmer|read|talk|call|reply|text|answer|get back|let you know)\b/;

/** Words that only greet or answer the phone, and yes words that carry nothing but a greeting beside them. */
const GREETING =
  /^(?:(?:oui|ouais|yes|yeah|ok|bonjour|bonsoir|salut|allo|hello|hi|hey|coucou|madame|monsieur)\s*)+$/;
const GREETING_WORD = /\b(?:bonjour|bonsoir|salut|allo|hello|hi|hey|coucou)\b/;

/** Thanks, and reactions that agree with nothing in particular ("cool", "super", "top"). */
const THANKS = /\b(?:merci|thanks|thank you|thx|ty)\b/;
const REACTION = /\b(?:cool|super|top|genial|great|nice|awesome|sympa|excellent)\b/;
const REACTION_ALONE = new RegExp(`^${REACTION.source}$`);
/** Words that accept ("ok ça marche, merci" accepts; "super merci" thanks). */
const ACCEPT = /\b(?:ok|okay|oui|ouais|yes|yeah|ca marche|d accord|dac|entendu|va pour|ca me va|deal)\b/;

/** A yes to who one is ("oui c'est bien mon numéro", "yes this is me"): no answer to the question. */
const IDENTITY =
  /\b(?:c est (?:bien )?(?:moi|mon numero|mon num)|(?:this|it) is (?:me|him|her|my number)|that s me|speaking|lui meme|elle meme)\b/;

/**
 * A yes bound to a time or an event the first reading resolved to no date: "dès que j'ai fini mon contrat",
 * "à partir du moment où j'ai ma voiture", "dès la rentrée", "in a couple of weeks". "Quand vous voulez",
 * "dès que possible" are no bound.
 */
const TIME_BOUND =
  /\b(?:des que|des (?:mon|ma|mes|la fin)|a mon retour|une fois(?! de plus)|a partir du moment|apres (?:que|mon|ma|mes|la|le|les)|avant (?:que|mon|ma|mes)|quand (?:j|je|mon|ma|mes|il|elle)|lorsque|as soon as|once (?:i|my|the)|after (?:my|the|i)|when (?:my|i)|rentree|courant (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|du mois|de la semaine)|in a (?:couple|few)|next (?:week|month)|semaine prochaine|mois prochain|semaine d apres)\b/;
const NO_BOUND =
  /\b(?:quand vous (?:voulez|souhaitez)|des que (?:possible|vous (?:voulez|souhaitez))|whenever|when you (?:want|like)|as soon as (?:possible|you (?:want|like)))\b/;
/** A number read as a day of the month that is a week's rank ("from the 2nd week"). */
const WEEK_RANK = /^\s*(?:week|semaine|en huit|en quinze)\b/;

/** Away or bound elsewhere, said beside a yes with no date: "oui par contre je suis en arrêt", "je serai en vacances". */
const AWAY =
  /\b(?:absente?|en arret|en vacances|en conges?|a l etranger|en formation|en stage|en deplacement|en mission|abroad|away|on holidays?|on leave|on vacation|not around)\b/;

/** Laughter, and what makes a yes beside it sarcastic. */
const LAUGHTER = /\b(?:mdr|ptdr|lol|lmao|haha\w*|hihi\w*|xd)\b/;
const LAUGHTER_MARK = /[😂🤣😆]/u;
const MOCK_YES =
  /\b(?:c est ca|bien sur|mais oui|of course|sure|yeah right|right|et moi je suis|and i m the|and i am the)\b/;

/** Pieces of the reply (between punctuation and links), with whether each ends with a question mark. */
function pieces(normalized: string): { text: string; asks: boolean }[] {
  const out: { text: string; asks: boolean }[] = [];
  for (const match of normalized.matchAll(PIECE)) {
    const asks = match[0].includes('?');
    const parts = match[0].replace(/[.,;:!?]+$/, '').split(LINKS);
    parts.forEach((part, index) => {
      const text = part.trim();
      if (text) out.push({ text, asks: asks && index === parts.length - 1 });
    });
  }
  return out;
}

/** The pieces that carry the positive reading: a yes word, or one of its dates. */
function evidencePieces(reading: ReplyInterpretation, normalized: string) {
  const dates = reading.extracted.dates.filter((date) => date.kind !== 'until').map((date) => date.text);
  const ways = reading.extracted.transport ? replyRules().TRANSPORT.map(([pattern]) => pattern) : [];
  const all = pieces(normalized);
  if (reading.intent === 'date_given')
    return all.filter((piece) =>
      dates.some((text) => piece.text.includes(text) || text.includes(piece.text)),
    );
  // A way to come is said where it is named ("ma femme a une voiture").
  const named = all.filter((piece) => ways.some((pattern) => pattern.test(piece.text)));
  return named.length > 0 ? named : all.filter((piece) => readPolarity('', piece.text).positive > 0);
}

function vetoed(
  reading: ReplyInterpretation,
  intent: ReplyInterpretation['intent'],
  confidence: number,
  reason: VetoReason,
  extracted: ExtractedValues = reading.extracted,
): ReplyInterpretation {
  const firstIntent = reading.intent === 'date_given' ? 'date_given' : 'yes';
  // A veto never makes a reading surer, but where it reads a refusal of its own ("plus maintenant").
  const sure = intent === 'no' ? confidence : Math.min(confidence, reading.confidence);
  return { ...reading, intent, confidence: sure, extracted, verification: { firstIntent, reason } };
}

/**
 * The second reading: the first reading as it stands, or vetoed / downgraded with the reason (see the
 * module comment). Only a yes or a date is checked.
 */
export function verifyPositive(reading: ReplyInterpretation, input: VerificationInput): ReplyInterpretation {
  if (reading.intent !== 'yes' && reading.intent !== 'date_given') return reading;
  const { raw, normalized, topic } = input;

  // Quoted: read the reply without what it quotes.
  if (new RegExp(QUOTATION.source, 'u').test(raw)) {
    const unquoted = raw.replace(QUOTATION, ' ; ');
    const reread = /\p{L}/u.test(unquoted) ? input.reread(unquoted) : null;
    // What the quotation left out of the reading (protected facts) still counts as left out.
    const again = reread && {
      ...reread,
      extracted: { ...reread.extracted, protectedFacts: reading.extracted.protectedFacts },
    };
    if (!again || again.intent === 'off_topic')
      return vetoed(reading, 'off_topic', 0.4, 'quoted', again?.extracted ?? reading.extracted);
    if (again.intent !== reading.intent)
      return {
        ...again,
        verification: again.verification ?? {
          firstIntent: reading.intent === 'date_given' ? 'date_given' : 'yes',
          reason: 'quoted',
        },
      };
  }

  const evidence = evidencePieces(reading, normalized);

  // Asked back, not said.
  if (evidence.length > 0 && evidence.every((piece) => piece.asks)) {
    const bound = evidence.some((piece) => BOUND_QUESTION.test(piece.text) || YES_WHAT.test(piece.text));
    // "lundi 4 ? ouais si vous voulez": an offer may follow the date it asks about.
    const dateAsked =
      reading.intent === 'date_given' &&
      (!DATE_OFFER.test(normalized) || evidence.some((piece) => ALTERNATIVE.test(piece.text)));
    if (bound || dateAsked)
      return vetoed(reading, 'question', 0.8, 'asked', {
        ...reading.extracted,
        questionAbout:
          reading.extracted.questionAbout ?? (reading.intent === 'date_given' ? 'dates' : 'other'),
      });
  }

  // Someone else's words.
  const reported = REPORTED.exec(input.whole);
  if (reported) {
    // What is said, up to the end of its piece: "il serait dispo le 4, je vous donne son num" is about him.
    const said = input.whole.slice(reported.index + reported[0].length).split(/[.,;:!?]/)[0]!;
    const bound = reading.intent === 'date_given' && REPORTED_BOUND.test(said);
    if (!bound)
      return FIRST_PERSON.test(said)
        ? vetoed(reading, 'partial', 0.6, 'reported')
        : vetoed(reading, 'off_topic', 0.4, 'reported');
  }

  // Said of someone else ("mon pote a une voiture, moi non", "my cousin is free from monday"), unless the
  // person is in it too ("ma femme me dépose").
  const spoken = evidencePieces(reading, input.whole);
  if (
    spoken.length > 0 &&
    spoken.every((piece) => {
      const subject = OTHER_SUBJECT.exec(piece.text);
      return subject !== null && !FIRST_PERSON.test(piece.text.slice(subject[0].length));
    })
  )
    return vetoed(reading, 'off_topic', 0.4, 'reported');

  // A date gone by: free since then, or no answer.
  if (reading.intent === 'date_given') {
    const answering = reading.extracted.dates.filter((date) => date.kind !== 'until');
    // "been free since the 20th": a date after "since" is gone by, whatever day it was resolved to.
    const since =
      answering.length > 0 &&
      answering.every((date) =>
        [`depuis ${date.text}`, `since ${date.text}`].some((said) => normalized.includes(said)),
      );
    if (since && topic === 'availability')
      return vetoed(reading, 'yes', 0.85, 'past-date', { ...reading.extracted, dates: [], immediate: true });
    if (answering.length > 0 && answering.every((date) => date.date < input.today)) {
      if (SINCE.test(normalized) && topic === 'availability')
        return vetoed(reading, 'yes', 0.85, 'past-date', {
          ...reading.extracted,
          dates: [],
          immediate: true,
        });
      return vetoed(reading, 'off_topic', 0.45, 'past-date', { ...reading.extracted, dates: [] });
    }
  }

  // "je vous dis ça lundi", "ok je lis ça ce soir": the day is when the person answers or reads.
  if (reading.intent === 'date_given' && evidence.every((piece) => COMMUNICATION.test(piece.text)))
    return readPolarity('', normalized).negative > 0 ||
      !(DEFERRED_WORDS.test(normalized) || DEFERRED.test(normalized))
      ? vetoed(reading, 'off_topic', 0.45, 'deferred', { ...reading.extracted, dates: [] })
      : vetoed(reading, 'partial', 0.6, 'deferred', { ...reading.extracted, dates: [] });

  // The past tense, in every piece that says yes.
  if (evidence.length > 0 && evidence.every((piece) => PAST.test(piece.text)) && !SINCE.test(normalized))
    return NOW_CONTRAST.test(normalized) || readPolarity('', normalized).negative > 0
      ? vetoed(reading, 'no', 0.7, 'past')
      : vetoed(reading, 'off_topic', 0.45, 'past');

  if (evidence.some((piece) => CONDITIONAL.test(piece.text)) && HYPOTHESIS.test(normalized))
    return vetoed(reading, 'partial', 0.6, 'hypothetical');
  if (DOUBT.test(normalized)) return vetoed(reading, 'partial', 0.65, 'doubt');
  if (reading.intent === 'yes' && topic === 'availability' && AWAY.test(normalized))
    return vetoed(reading, 'partial', 0.6, 'negated');
  if (reading.intent === 'yes' && TIME_BOUND.test(normalized) && !NO_BOUND.test(normalized))
    return vetoed(reading, 'partial', 0.65, 'time-bound');
  if (
    reading.intent === 'date_given' &&
    reading.extracted.dates.some((date) => {
      const at = normalized.indexOf(date.text);
      return at >= 0 && WEEK_RANK.test(normalized.slice(at + date.text.length));
    })
  )
    return vetoed(reading, 'partial', 0.6, 'time-bound');
  if (DEFERRED.test(normalized)) return vetoed(reading, 'partial', 0.65, 'deferred');
  if (reading.intent === 'yes' && LITOTES.test(normalized))
    return vetoed(reading, 'partial', 0.65, 'litotes');
  if (
    topic === 'transport' &&
    (reading.extracted.transport === 'car' || reading.extracted.transport === 'motorbike') &&
    LICENCE_NEGATED.test(normalized)
  )
    return vetoed(reading, 'no', 0.75, 'negated', { ...reading.extracted, transport: 'none' });
  if ((LAUGHTER.test(normalized) || LAUGHTER_MARK.test(raw)) && MOCK_YES.test(normalized))
    return vetoed(reading, 'off_topic', 0.4, 'sarcasm');
  // "super 12,50, je vais m'acheter une villa": praise of the pay that mocks it refuses it.
  if (topic === 'rate' && RATE_MOCKERY.test(normalized)) return vetoed(reading, 'no', 0.75, 'sarcasm');
  if (reading.intent === 'yes') {
    if (GREETING.test(normalized) && GREETING_WORD.test(normalized))
      return vetoed(reading, 'off_topic', 0.45, 'greeting');
    if (IDENTITY.test(normalized)) return vetoed(reading, 'off_topic', 0.45, 'identity');
    // Thanks beside a word that only agrees ("super merci de penser à moi"), or a reaction alone ("cool").
    const polarity = readPolarity(raw, normalized);
    if (
      topic !== 'rate' &&
      ((THANKS.test(normalized) &&
        REACTION.test(normalized) &&
        !ACCEPT.test(normalized) &&
        polarity.asserting === 0) ||
        REACTION_ALONE.test(normalized))
    )
      return vetoed(reading, 'off_topic', 0.45, 'acknowledged');
  }
  return reading;
}

/** What settling a mixed or unread reply needs besides its words. */
export interface SettleContext {
  topic: string | null;
  /** Today, `YYYY-MM-DD`, and as a calendar day (for the dates of an appointment). */
  today: string;
  day: CalendarDay;
  jobStart: string | null;
}

/** A clause that refuses outright, with nothing it bears on: "je ne peux pas", "c'est non", "not anymore". */
const BARE_REFUSAL = new RegExp(
  `^(?:(?:mais|but|enfin|en fait|though|however|par contre|maintenant|now|moi|du coup|donc|so|et)\\s+)*(?:${[
    '(?:je |j )?(?:ne |n )?(?:peux|pourrai|pourrais|viendrai|viens|serai|suis|confirme) (?:pas|plus)(?: (?:dispo|disponible|libre|venir|la|present|presente))?',
    'c est non',
    'ce sera non',
    'non',
    'nope',
    'no',
    '(?:c est |ce n est |ca va )?(?:plus|pas) (?:possible|etre possible)',
    'not now',
    'not anymore',
    'no longer',
    '(?:i )?can t(?: make it| do it| come)?',
    'i m not available',
    'i am not available',
    'not available',
    'i won t be there',
    'maintenant non',
    'plus maintenant',
    'now no',
  ].join('|')})(?:\\s+(?:desole|desolee|sorry|merci|malheureusement|unfortunately|du coup))*$`,
);
/** "je confirme que …", "I confirm that …": what follows is the answer. */
const CONFIRMED_THAT = /^(?:je (?:vous )?(?:confirme|dis) que|i confirm(?: that)?)\s+/;
/** Where a later clause may settle a mixed reply. */
const SETTLING_BREAK = /[,;:!?.]+|\s(?:mais|but|though|however|par contre|enfin|en fait)\s/;

/** A yes said to someone else: "on m'a proposé le 4 ailleurs, j'ai dit oui", "I told the other agency yes". */
const YES_ELSEWHERE =
  /\b(?:(?:dit|repondu) oui (?:a|chez) (?:une |un |l )?autres?|(?:dit|repondu) oui ailleurs|ailleurs,? (?:et )?j ai (?:dit|repondu) oui|(?:told|said yes to) (?:the |an |another )?(?:other|another|different) (?:agency|company|job|offer|place)|accepted (?:another|an other|a different|a other) (?:offer|job|position|mission))\b/;
/** A certificate or licence lost: suspended, revoked, expired, taken away. */
const LOST =
  /\b(?:suspendue?|suspended|revoked|retiree?|a expire|expired|lapsed|annulee?|taken away|withdrawn)\b/;

/** A negation bearing on one day or on one part of the day: "pas ce jour-là", "jamais le lundi". */
const ONE_DAY =
  /\b(?:(?:pas|not|jamais|never) (?:ce jour la|ce jour|that day|this day|on that day)|(?:jamais|never)(?: \w+)? (?:le |les |on )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|(?:jamais|never)(?: \w+)? (?:le |la |les |at )?(?:matin|soir|nuit|week end|nights?|mornings?|weekends?))\b/;
/** Saying yes by saying not no, read as a refusal by the first reading: "pas impossible", "ce n'est pas non". */
const LITOTES_NO =
  /\b(?:pas impossible|not impossible|pas exclu|not out of the question|c est pas non|ce n est pas non|n est pas non|can t see why not|don t see why not|pourquoi pas)\b/;

/**
 * The second reading of a mixed or negative reply (no verdict on a yes or a date): a reply whose last clause
 * refuses outright after something that said yes ("je vous avais dit oui mais c'est plus possible",
 * "avant oui, maintenant non", "was free last week, not now") is a no, as is a yes said elsewhere ("j'ai dit oui
 * ailleurs", "accepted another offer"), a certificate held then lost ("suspended", "revoked") and a car
 * without a licence; a refusal of one day or part of the day
 * ("j'ai mon code le 7, donc pas ce jour-là", "jamais dispo le lundi") or a litotes ("pas impossible") is
 * partial.
 */
export function settleMixed(
  reading: ReplyInterpretation,
  normalized: string,
  context: SettleContext,
): ReplyInterpretation {
  // Said yes elsewhere: a no, whatever else the reply holds.
  if (reading.intent !== 'no' && YES_ELSEWHERE.test(normalized))
    return { ...reading, intent: 'no', confidence: 0.8 };
  // Held, then lost ("yes but my licence was suspended"), or a car without a licence: a no.
  if (reading.intent === 'partial') {
    const fact = context.topic === 'certification' || context.topic === 'licence';
    if (
      (fact && LOST.test(normalized)) ||
      (context.topic === 'transport' && LICENCE_NEGATED.test(normalized))
    )
      return { ...reading, intent: 'no', confidence: 0.75 };
  }
  if (reading.intent === 'off_topic' && reading.confidence <= 0.5)
    return settleUnread(reading, normalized, context);
  if (reading.intent === 'no') {
    if (ONE_DAY.test(normalized) || LITOTES_NO.test(normalized))
      return { ...reading, intent: 'partial', confidence: 0.7 };
    return reading;
  }
  if (reading.intent !== 'partial') return reading;
  const clauses = normalized
    .split(SETTLING_BREAK)
    .map((clause) => clause.trim().replace(CONFIRMED_THAT, ''))
    .filter((clause) => /[a-z]/.test(clause));
  const last = clauses.at(-1);
  if (last === undefined || !BARE_REFUSAL.test(last)) return reading;
  // Something before it said yes: the last word is the refusal.
  return { ...reading, intent: 'no', confidence: 0.75 };
}

/** An appointment, an exam, an interview: a day taken. */
const APPOINTMENT =
  /\b(?:examen|exam|rdv|rendez vous|entretien|interview|convocation|convoque|appointment|code|permis)\b/;
/** "ça dépend", "tout dépend des horaires", "it depends on". */
const DEPENDS = /\b(?:ca depend|tout depend|depend|dependra|depends|it would depend|would depend)\b/;
/** Praise of a pay that mocks it: a fortune to come, or less than before. */
const RATE_MOCKERY =
  /\b(?:je vais (?:m acheter|devenir|etre riche)|going to be (?:a )?(?:millionaire|rich)|gonna be rich|millionnaire|moins que mon ancien|less than (?:my|i)|merci du cadeau|quelle generosite|so generous)\b/;

/**
 * A reply the first reading could not place (off-topic, unsure) that still says something plain: a day
 * taken by an appointment ("rdv chez le notaire le 5") or a dependence ("tout dépend des horaires"): partial; mockery of the pay: a no to the rate; a sentence that
 * asks ("vous êtes sûrs que c'est le 4 ?"): a question. None of these is a yes or a date.
 */
function settleUnread(
  reading: ReplyInterpretation,
  normalized: string,
  context: SettleContext,
): ReplyInterpretation {
  const start = context.jobStart ?? context.today;
  // The first reading keeps only the dates that answer; the dates said are read again here.
  const dates = extractDates(normalized, context.day, { bareDayOfMonth: true });
  if (
    context.topic === 'availability' &&
    APPOINTMENT.test(normalized) &&
    dates.some((date) => date.date >= start)
  )
    return { ...reading, intent: 'partial', confidence: 0.7 };
  if (DEPENDS.test(normalized)) return { ...reading, intent: 'partial', confidence: 0.65 };
  if (context.topic === 'rate' && RATE_MOCKERY.test(normalized))
    return { ...reading, intent: 'no', confidence: 0.75 };
  const words = normalized.replace(/[?]/g, ' ').split(/\s+/).filter(Boolean);
  if (normalized.trim().endsWith('?') && words.length >= 3)
    return {
      ...reading,
      intent: 'question',
      confidence: 0.7,
      extracted: {
        ...reading.extracted,
        questionAbout: dates.length > 0 ? 'dates' : 'other',
      },
    };
  return reading;
}
