import { foldAccents } from '../text/index.js';

/**
 * SMS French spelled out, token by token ("g" → "j ai", "pr" → "pour", "dispo" → "disponible").
 * Applied after folding accents and lower-casing; multi-word expansions are fine.
 */
const SMS_WORDS: Record<string, string> = {
  g: 'j ai',
  jai: 'j ai',
  jé: 'j ai',
  ja: 'j ai',
  chui: 'je suis',
  chuis: 'je suis',
  jsuis: 'je suis',
  jsui: 'je suis',
  jss: 'je suis',
  pa: 'pas',
  po: 'pas',
  c: 'c est',
  cest: 'c est',
  jsp: 'je sais pas',
  jsais: 'je sais',
  chais: 'je sais',
  chepa: 'je sais pas',
  nn: 'non',
  nan: 'non',
  nop: 'non',
  nope: 'non',
  no: 'non',
  ouai: 'oui',
  ouais: 'oui',
  oue: 'oui',
  ouep: 'oui',
  ouaip: 'oui',
  wai: 'oui',
  wais: 'oui',
  we: 'oui',
  ui: 'oui',
  wi: 'oui',
  yep: 'oui',
  yes: 'oui',
  yess: 'oui',
  oki: 'ok',
  okay: 'ok',
  okey: 'ok',
  oke: 'ok',
  dac: 'ok',
  dak: 'ok',
  dacc: 'ok',
  daccord: 'ok',
  dispo: 'disponible',
  dispos: 'disponible',
  dispoo: 'disponible',
  indispo: 'indisponible',
  qd: 'quand',
  kan: 'quand',
  kand: 'quand',
  cb: 'combien',
  cmb: 'combien',
  cbn: 'combien',
  cbien: 'combien',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pkoi: 'pourquoi',
  pourkoi: 'pourquoi',
  koi: 'quoi',
  ki: 'qui',
  ke: 'que',
  kel: 'quel',
  kelle: 'quelle',
  tt: 'tout',
  tjr: 'toujours',
  tjrs: 'toujours',
  ds: 'dans',
  ms: 'mais',
  mm: 'meme',
  vs: 'vous',
  bcp: 'beaucoup',
  dem1: 'demain',
  dmain: 'demain',
  demin: 'demain',
  '2main': 'demain',
  ajd: 'aujourd hui',
  auj: 'aujourd hui',
  aujourdhui: 'aujourd hui',
  sem: 'semaine',
  pro: 'prochaine',
  proch: 'prochaine',
  prochain: 'prochaine',
  stp: 's il vous plait',
  svp: 's il vous plait',
  mr6: 'merci',
  mrc: 'merci',
  mci: 'merci',
  bjr: 'bonjour',
  slt: 'bonjour',
  salut: 'bonjour',
  cc: 'bonjour',
  coucou: 'bonjour',
  vtr: 'voiture',
  voit: 'voiture',
  oto: 'auto',
  ptet: 'peut etre',
  ptetre: 'peut etre',
  ptt: 'peut etre',
  pe: 'peut etre',
  cmt: 'comment',
  koman: 'comment',
  ya: 'il y a',
  jamai: 'jamais',
  tkt: 't inquiete',
  fo: 'faut',
  ct: 'c etait',
  pb: 'probleme',
  pblm: 'probleme',
  prob: 'probleme',
  ofc: 'bien sur',
  bsr: 'bonsoir',
  jpeux: 'je peux',
  jpx: 'je peux',
  jveux: 'je veux',
  jvx: 'je veux',
  jcrois: 'je crois',
  jpense: 'je pense',
  jconnais: 'je connais',
  jsuispas: 'je suis pas',
  tp: 'transports',
  tc: 'transports en commun',
  rdv: 'rendez vous',
  pl: 'poids lourd',
  spl: 'super lourd',
  habilite: 'habilitation',
  habilitee: 'habilitation',
  hab: 'habilitation',
  elec: 'electrique',
  nrml: 'normalement',
  nrmlt: 'normalement',
  normalemt: 'normalement',
};

/** Unicode emoji and pictographs (so they can be read before anything else strips them). */
export const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * The reply as the rules read it: accents folded, lower case, curly quotes straightened, letters
 * repeated 3+ times collapsed ("ouiii" → "oui"), SMS words spelled out, punctuation other than
 * `/ . , ? € : -` turned into spaces. Digits are kept as written.
 */
export function normalizeReply(text: string): string {
  const folded = foldAccents(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[^a-z0-9/.,?€:\-+ ]+/g, ' ')
    .replace(/(\d)\s*(?:euros?|eur|e)\b/g, '$1€')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = folded.split(' ');
  return tokens
    .map((token, index) => {
      const bare = token.replace(/[.,?!:]+$/, '');
      const trailing = token.slice(bare.length);
      // "c" is "c'est" in SMS, but also a licence category ("le permis c") or the "c" of "c'est".
      if (bare === 'c' && !isSmsCest(tokens[index - 1], tokens[index + 1], trailing)) return token;
      const expansion = SMS_WORDS[bare];
      return expansion === undefined ? token : expansion + trailing;
    })
    .join(' ')
    .replace(/\bd acc\b/g, 'ok')
    .replace(/\bj sais\b/g, 'je sais')
    .replace(/\bje sais? pa\b/g, 'je sais pas');
}

function isSmsCest(previous: string | undefined, next: string | undefined, trailing: string): boolean {
  if (next === undefined || trailing !== '') return false;
  if (/^(?:est|etait|et|ou|\+|\/)$/.test(next)) return false;
  return !/^(?:le|la|du|permis|que|et|categorie|cat|ou)$/.test(previous ?? '');
}
