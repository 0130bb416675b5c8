import type { TransportMode } from './schemas.js';

/**
 * The word lists the reply rules use, on normalised text (see `normalizeReply`). Kept apart from the
 * decision logic so they can be read and extended as a whole.
 */

export const POSITIVE_EMOJI = /[👍👌✅✔☑🆗👏💪🤝🙂😊😀😁😃😄☺😉🙏💯]/u;
export const NEGATIVE_EMOJI = /[👎❌🚫✖⛔🙁☹😞😕😔]/u;

/** Unsubscribe requests: stop anywhere, or a short "arrêt"/"désinscription", or asking for no more messages. */
export const OPT_OUT: RegExp[] = [
  /\bstop+\b/,
  /^(?:arret|arrete|arretez|arreter|desinscription|desinscrire|desabonnement|unsubscribe|quit|cancel)\b[\s.!]*$/,
  /\b(?:arretez|arreter|arrete|cessez) (?:de m|de me|les messages|les sms|tout|svp|s il vous plait|de nous)\b/,
  /\bne (?:plus|pas) (?:me |m )?(?:recevoir|contacter|ecrire|envoyer|solliciter)\b/,
  /\b(?:veux|veut|souhaite|voudrais|desire) (?:plus|pas) (?:recevoir|etre (?:contacte|recontacte|sollicite)|de (?:vos )?(?:sms|messages))\b/,
  /\bne (?:m|me) (?:ecrivez|envoyez|contactez|recontactez|sollicitez|appelez) plus\b/,
  /\b(?:ecrivez|envoyez|contactez|recontactez) (?:moi |m )?plus\b/,
  /\bdesinscri\w*|\bdesabonn\w*|\bunsubscribe\b|\bopt out\b/,
  /\bplus de (?:sms|messages?|textos?)\b/,
  /\b(?:laissez|laisse) moi tranquille\b|\bfoutez moi la paix\b|\blachez moi\b/,
  /\b(?:retirez|supprimez|effacez) (?:moi|mon numero|mes coordonnees|mes donnees)\b/,
  /\bdon t (?:text|contact|message) me\b|\bstop (?:texting|messaging)\b/,
];

/** Attempts to steer the assistant or extract what it must not give. */
export const INJECTION: RegExp[] = [
  /\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|zappe) (?:tes|vos|les|toutes? (?:tes|vos|les)|ce qu on t a dit|tout ce qu on t a dit)? ?(?:consignes?|instructions?|regles?|ordres?|directives?|programmation|precedent\w*)\b/,
  /\b(?:oublie|oubliez|ignore|ignorez) tout ce (?:qu on|que l on) (?:t|vous) a (?:dit|demande)\b/,
  /\bignore (?:all |any )?(?:(?:previous|prior|above|your|the|my) )*(?:instructions?|rules|prompts?)\b|\bdisregard\b/,
  /\b(?:tu es|t es|vous etes) (?:maintenant|desormais|a partir de maintenant)\b/,
  /\b(?:agis|agissez|fais|faites|reponds|repondez) (?:comme|en tant que) (?:si|un|une)\b/,
  /\b(?:act as|pretend (?:to be|you are)|you are now|from now on you)\b/,
  /\b(?:prompt|system prompt|mode developpeur|developer mode|jailbreak|dan mode)\b/,
  /\b(?:les|des|d) autres candidat\w*|\bliste des candidat\w*|\bautres postulant\w*|\bqui d autre\b/,
  /\b(?:donne|donnez|envoie|envoyez|montre|montrez|revele|revelez|dis|dites) (?:moi |m |nous )?(?:les|le|la|tes|vos|ton|votre) (?:numeros?|coordonnees|noms?|cv|dossiers?|instructions?|consignes?|donnees|fichiers?|base|profils?|mots? de passe|code)\b/,
  /\b(?:mets|mettez|marque|marquez|note|notez|classe|classez|valide|validez) moi (?:comme |en )?(?:qualifie|retenu|selectionne|prioritaire|premier|top)\b/,
  /\b(?:dis|dites|ecris|ecrivez) (?:que|qu) (?:je suis|j ai) (?:qualifie|retenu|le caces|tous)\b/,
  /\bnouvelles? (?:consignes?|instructions?|regles?)\b|\bnew instructions?\b/,
  /\b(?:repete|repetez|affiche|affichez) (?:tes|vos|ton|votre) (?:consignes?|instructions?|prompt|message systeme)\b/,
];

/** Markup steering attempts, checked on the raw (lower-cased) text since normalising strips it. */
export const RAW_INJECTION =
  /<\/?(?:system|assistant|user|reply|instructions?|prompt)>|\[\/?inst\]|#{2,}\s*(?:system|instruction)|```/;

/** Asking for a person. */
export const WANTS_HUMAN: RegExp[] = [
  /\b(?:parler|discuter|echanger|voir) (?:a|avec) (?:un|une|quelqu un|la personne|le recruteur|la recruteuse|l agence|mon conseiller|ma conseillere|votre collegue)\b/,
  /\b(?:un|une) (?:humain|humaine|vraie? personne|personne reelle|conseiller|conseillere|recruteur|recruteuse|agent)\b/,
  /\b(?:appelez|appele|appelle|rappelez|rappelle|telephonez|phonez|bipez) (?:moi|me)\b/,
  /\bm (?:appeler|appelez|appelle|rappeler|rappelez|rappelle|telephoner)\b/,
  /\b(?:par|au) (?:telephone|tel|fil)\b/,
  /\b(?:humain|humains|humaine|human|real person)\b/,
  /\bpas (?:a |avec )?(?:un |une )?(?:robot|machine|ia|bot)\b|\bmarre (?:du|des) robots?\b/,
  /\bcall me\b|\bspeak to (?:someone|a person)\b/,
];

/** Phrases that contain a negation word but say yes ("pas de souci"). Replaced before negations are read. */
export const POSITIVE_WITH_NEGATION =
  /\b(?:(?:il )?(?:y a |il y a )?pas de (?:souci|soucis|probleme|problemes|pb|lezard|blem)|aucun (?:souci|soucis|probleme|pb|inconvenient)|sans (?:souci|soucis|probleme|pb|faute)|(?:ca |cela )?(?:ne )?(?:me )?derange pas|pourquoi pas|pas mal|ne vous inquietez pas|t inquiete|n importe quand|pas d inconvenient|(?:ca |cela )?(?:ne )?pose pas de probleme|je (?:ne )?dis pas non|no problem|no worries|pas de probleme)\b/g;

/** The candidate did not understand the message: asked again, in plainer words. */
export const NOT_UNDERSTOOD =
  /\b(?:(?:j ai |je n ai )?pas (?:bien )?compris|(?:je )?(?:ne )?compren(?:d|ds)? (?:pas|rien)|c est quoi ce (?:message|sms|texto)|de quoi (?:vous parlez|tu parles|il s agit)|what do you mean)\b/;

/** Being away until a date ("en vacances jusqu'au 3") says when the person is free again. */
export const ABSENCE =
  /\b(?:vacances|conges?|absente?|en mission|en formation|en arret|indisponible|pas disponible|pas libre|occupee?|bloquee?|en deplacement|a l etranger|en contrat|sous contrat|au pays)\b/;

/** Doubt: neither yes nor no. */
export const UNSURE =
  /\b(?:je (?:ne )?sais (?:pas|plus)|sais pas|pas (?:sur|sure|certaine?|encore sure?)|peut etre|a voir|ca depend|je (?:verrai|vais voir|vais regarder|dois (?:voir|verifier|regarder|demander|reflechir)|reflechis|vous (?:redis|redirai|dirai|confirme(?:rai)?)|confirme(?:rai)? plus tard|reviens vers vous)|(?:faut|il faut) (?:que je|voir)|plus ou moins|a confirmer|on verra|maybe|not sure|i don t know|dunno|bof|mouais|moyen|j hesite|hesite|hesitation|je vous dis)\b/g;

/** Hedges that soften a yes ("normalement oui") or stand for a weak maybe alone. */
export const WEAK =
  /\b(?:normalement|je pense|je crois|en principe|a priori|probablement|surement|logiquement)\b/g;

export const NEGATIVE: RegExp[] = [
  /\bnon(?: merci)?\b/,
  /\b(?:pas|jamais)\b(?: (?:du tout|encore|vraiment|trop))?(?: (?:disponible|disponibles|libre|interesse|interessee|possible|ok|d accord|pour moi|le temps|valide|valable|la|de|d|le|les|un|une|\w+))?/,
  /\bplus (?:disponible|libre|interesse|interessee|valide|valable|dispo|le temps)\b/,
  /\bn (?:ai|en ai|est|etait|avons) plus\b|\bje (?:l|les|en) ai plus\b/,
  /\bne (?:\w+ ){1,2}(?:plus|jamais|rien)\b|\bn (?:\w+ )?(?:plus|jamais|rien)\b/,
  /\baucune?\b/,
  /\b(?:impossible|indisponible|malheureusement|helas|refuse|decline|occupee?)\b/,
  /\bdeja (?:pris|prise|en mission|un (?:travail|job|contrat|poste|cdi|emploi)|du travail|trouve|engagee?|occupee?|embauchee?)\b/,
  /\bj ai trouve\b/,
  /\btrop (?:peu|bas|loin|tard|tot|court|juste|faible)\b|\bpas assez\b|\bc est (?:peu|bas|pas assez)\b/,
  /\b(?:perime|perimee|expire depuis|a expire|est expire|plus a jour)\b/,
  /\b(?:no|nope|nah|not available|can t|cannot|unavailable|don t|do not|doesn t|haven t|have not|not|never|won t|isn t)\b/,
];

export const RESTRICTION =
  /\b(?:mais|sauf|seulement|uniquement|juste (?:le|la|les|en|pour|a)|(?:que|qu) (?:le|la|les|en|l|a partir|jusqu|le matin|la nuit|de jour|de nuit)|hors|excepte|a part|sous reserve|si (?:c est|ca|il|le|la|vous|on)|only|except|but)\b/g;

export const POSITIVE =
  /\b(?:oui|ok|d accord|parfait|bien sur|evidemment|carrement|exact|exactement|absolument|volontiers|tout a fait|ca marche|ca me va|ca (?:me )?convient|ca va|ca roule|c est bon|c est good|c est parfait|c est ok|top|super|nickel|genial|cool|go|partante?|interessee?|disponible|disponibles|libre|valide|valable|en cours de validite|a jour|j ai (?:le|la|les|mon|ma|mes|un|une|bien|toujours|tout)|je l ai|je les ai|j en ai|je peux|je confirme|confirme|je valide|je prends|ca me tente|avec plaisir|vas y|allez|certainement|bien entendu|yes|yeah|yup|sure|of course|fine|good|great|si si|ben si|bah si|mais si|present|presente|possede|possedes|je me debrouille|je m arrange|je trouverai|affirmatif|positif|entendu|tres bien|ca me parait bien)\b/g;

/** Interrogative openings, for replies written as a question without a question mark. */
export const QUESTION_START =
  /^(?:et )?(?:combien|quel|quelle|quels|quelles|quand|ou (?:est|se|ca|c est)|c est (?:ou|quoi|combien|quand)|pourquoi(?! pas)|comment|est ce qu|a quelle heure|qui|how much|what|when|where|why|how)\b/;

/** Interrogative words that make a question wherever they stand, even without a question mark. */
export const QUESTION_ANYWHERE = /\b(?:combien|c est (?:ou|quoi|quand)|est ce (?:que|qu)|a quelle heure)\b/;

export const QUESTION_ABOUT: [RegExp, 'pay' | 'hours' | 'address' | 'duration' | 'dates'][] = [
  [
    /\b(?:combien de temps|duree|jusqu (?:a|au) quand|how long|fini quand|termine quand|ca dure|dure combien)\b/,
    'duration',
  ],
  [
    /\b(?:salaire|taux|paye\w*|paie|payer|remuner\w*|brut|net|tarif|de l heure|l heure|par heure|how much|pay|rate|wage|primes?|panier|majoration|combien)\b|€/,
    'pay',
  ],
  [
    /\b(?:horaires?|heures?|a quelle heure|commence a|finit a|fini a|planning|shift|equipe|postes?|hours?|2x8|3x8|nuits?|matin|apres midi|aprem)\b/,
    'hours',
  ],
  [
    /\b(?:adresse|ou (?:c est|se trouve|est|ca se passe|ca|se situe)|c est ou|c ou|lieu|site|localisation|situe|secteur|quelle ville|entreprise|boite|societe|loin|address|where)\b/,
    'address',
  ],
  [/\b(?:quand|date|debut|commence quand|ca commence|when)\b/, 'dates'],
];

export const TRANSPORT: [RegExp, TransportMode][] = [
  [
    /\b(?:covoiturage|covoit|on me depose|me depose|m emmene|m amene|me conduit|un collegue|un ami|une amie|un pote|ma copine|mon copain|quelqu un m)\b/,
    'carpool',
  ],
  [/\b(?:voiture|vehicule|vehiculee?|ma caisse|auto|bagnole|en caisse|my car|by car|drive|driving)\b/, 'car'],
  [/\b(?:moto|scooter|scoot|deux roues|2 roues|motorbike)\b/, 'motorbike'],
  [/\b(?:velo|trottinette|trotinette|bike|bicycle)\b/, 'bike'],
  [/\b(?:a pied|a pieds|en marchant|walk|walking)\b/, 'walk'],
  [/\b(?:bus|tram|tramway|metro|rer|train|ter|transports?|tcl|ratp|navette|public transport)\b/, 'public'],
];

export const NO_TRANSPORT =
  /\b(?:pas de|sans|aucun|n ai pas de|j ai pas de|pas) (?:voiture|vehicule|moyen|permis|bagnole|caisse|vehiculee?|transport)\b|\bnon vehicule\b|\bno car\b/;
