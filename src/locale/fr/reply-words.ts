import type { ReplyWords } from '../locale.js';

/**
 * How candidates answer by SMS, French: the words the reply reader looks for, in the notation of
 * `compileVocabulary`, on normalised replies (accents folded, lower case, SMS shorthand spelled out,
 * apostrophes and hyphens as spaces). Tuned on `eval/replies*.jsonl` (`npm run eval:screening`).
 */
export const replyWords: ReplyWords = {
  // Unsubscribe: the whole reply is one of these words.
  optOutAlone: ['arret', 'arrete', 'arretez', 'arreter', 'desinscription', 'desinscrire', 'desabonnement'],
  optOut: [
    { pattern: '\\bstop+\\b' },
    '(arretez|arreter|arrete|cessez) (de m|de me|les messages|les sms|tout|svp|s il vous plait|de nous)',
    'ne (plus|pas) (me |m |)(recevoir|contacter|ecrire|envoyer|solliciter)',
    '(veux|veut|souhaite|voudrais|desire) (plus|pas) (recevoir|etre (contacte|recontacte|sollicite)|de (vos |)(sms|messages))',
    'ne (m|me) (ecrivez|envoyez|contactez|recontactez|sollicitez|appelez) plus',
    '(ecrivez|envoyez|contactez|recontactez) (moi |m |)plus',
    'desinscri*',
    'desabonn*',
    'plus de (sms|messages?|textos?)',
    '(laissez|laisse) moi tranquille',
    'foutez moi la paix',
    'lachez moi',
    '(retirez|supprimez|effacez) (moi|mon numero|mes coordonnees|mes donnees)',
  ],
  injection: [
    '(ignore|ignorez|ignorer|oublie|oubliez|oublier|zappe) (tes|vos|les|toutes? (tes|vos|les)|ce qu on t a dit|tout ce qu on t a dit|) ?(consignes?|instructions?|regles?|ordres?|directives?|programmation|precedent*)',
    '(oublie|oubliez|ignore|ignorez) tout ce (qu on|que l on) (t|vous) a (dit|demande)',
    '(tu es|t es|vous etes) (maintenant|desormais|a partir de maintenant)',
    '(agis|agissez|fais|faites|reponds|repondez) (comme|en tant que) (si|un|une)',
    '(prompt|mode developpeur|jailbreak)',
    '(les|des|d) autres candidat*',
    'liste des candidat*',
    'autres postulant*',
    'qui d autre',
    '(donne|donnez|envoie|envoyez|montre|montrez|revele|revelez|dis|dites) (moi |m |nous |)(les|le|la|tes|vos|ton|votre) (numeros?|coordonnees|noms?|cv|dossiers?|instructions?|consignes?|donnees|fichiers?|base|profils?|mots? de passe|code)',
    '(mets|mettez|marque|marquez|note|notez|classe|classez|valide|validez) moi (comme |en |)(qualifie|retenu|selectionne|prioritaire|premier|top)',
    '(dis|dites|ecris|ecrivez) (que|qu) (je suis|j ai) (qualifie|retenu|le caces|tous)',
    'nouvelles? (consignes?|instructions?|regles?)',
    '(repete|repetez|affiche|affichez) (tes|vos|ton|votre) (consignes?|instructions?|prompt|message systeme)',
  ],
  wantsHuman: [
    '(parler|discuter|echanger|voir) (a|avec) (un|une|quelqu un|la personne|le recruteur|la recruteuse|l agence|mon conseiller|ma conseillere|votre collegue)',
    '(un|une) (humain|humaine|vraie? personne|personne reelle|conseiller|conseillere|recruteur|recruteuse|agent)',
    '(appelez|appele|appelle|rappelez|rappelle|telephonez|phonez|bipez) (moi|me)',
    'm (appeler|appelez|appelle|rappeler|rappelez|rappelle|telephoner)',
    '(par|au) (telephone|tel|fil)',
    '(humain|humains|humaine)',
    'pas (a |avec |)(un |une |)(robot|machine|ia|bot)',
    'marre (du|des) robots?',
  ],
  // Phrases with a negation word that say yes ("pas de souci"): read before negations.
  positiveWithNegation: [
    '(il |)(y a |il y a |)pas de (souci|soucis|probleme|problemes|pb|lezard|blem)',
    'aucun (souci|soucis|probleme|pb|inconvenient)',
    'sans (souci|soucis|probleme|pb|faute)',
    '(ca |cela |)(ne |)(me |)derange pas',
    'pourquoi pas',
    'pas mal',
    'ne vous inquietez pas',
    't inquiete',
    'n importe quand',
    'pas d inconvenient',
    '(ca |cela |)(ne |)pose pas de probleme',
    'je (ne |)dis pas non',
    'pas de probleme',
  ],
  notUnderstood: [
    '(j ai |je n ai |)pas (bien |)compris',
    '(je |)(ne |)compren(d|ds|) (pas|rien)',
    'c est quoi ce (message|sms|texto)',
    'de quoi (vous parlez|tu parles|il s agit)',
  ],
  // Being away until a date ("en vacances jusqu'au 3") says when the person is free again.
  absence: [
    '(vacances|conges?|absente?|en mission|en formation|en arret|indisponible|pas disponible|pas libre|occupee?|bloquee?|en deplacement|a l etranger|en contrat|sous contrat|au pays)',
  ],
  unsure: [
    'je (ne |)sais (pas|plus)',
    'sais pas',
    'pas (sur|sure|certaine?|encore sure?)',
    'peut etre',
    'a voir',
    'ca depend',
    'je (verrai|vais voir|vais regarder|dois (voir|verifier|regarder|demander|reflechir)|reflechis|vous (redis|redirai|dirai|confirme(rai|))|confirme(rai|) plus tard|reviens vers vous)',
    '(faut|il faut) (que je|voir)',
    'plus ou moins',
    'a confirmer',
    'on verra',
    'bof',
    'mouais',
    'moyen',
    'j hesite',
    'hesite',
    'hesitation',
    'je vous dis',
  ],
  // Hedges that soften a yes ("normalement oui").
  weak: ['(normalement|je pense|je crois|en principe|a priori|probablement|surement|logiquement)'],
  // Each rule counts its own matches: one negation each.
  negative: [
    'non( merci|)',
    {
      pattern:
        '\\b(?:pas|jamais)\\b(?: (?:du tout|encore|vraiment|trop))?(?: (?:disponible|disponibles|libre|interesse|interessee|possible|ok|d accord|pour moi|le temps|valide|valable|la|de|d|le|les|un|une|\\w+))?',
    },
    'plus (disponible|libre|interesse|interessee|valide|valable|dispo|le temps)',
    '(n (ai|en ai|est|etait|avons) plus|je (l|les|en) ai plus)',
    { pattern: '\\bne (?:\\w+ ){1,2}(?:plus|jamais|rien)\\b|\\bn (?:\\w+ )?(?:plus|jamais|rien)\\b' },
    'aucune?',
    '(impossible|indisponible|malheureusement|helas|refuse|decline|occupee?)',
    'deja (pris|prise|en mission|un (travail|job|contrat|poste|cdi|emploi)|du travail|trouve|engagee?|occupee?|embauchee?)',
    'j ai trouve',
    '(trop (peu|bas|loin|tard|tot|court|juste|faible)|pas assez|c est (peu|bas|pas assez))',
    '(perime|perimee|expire depuis|a expire|est expire|plus a jour)',
  ],
  // Spoken French drops "ne": a yes followed by "pas" ("je peux pas", "ca me va pas") is a refusal.
  negatedAfter: [{ pattern: '^\\s+(?:(?!mais|sauf|et|ou)\\S+\\s+)?(?:pas|plus|jamais)\\b' }],
  restriction: [
    'mais',
    'sauf',
    'seulement',
    'uniquement',
    'juste (le|la|les|en|pour|a)',
    '(que|qu) (le|la|les|en|l|a partir|jusqu|le matin|la nuit|de jour|de nuit)',
    'hors',
    'excepte',
    'a part',
    'sous reserve',
    'si (c est|ca|il|le|la|vous|on)',
  ],
  positive: [
    '(oui|ok|d accord|parfait|bien sur|evidemment|carrement|exact|exactement|absolument|volontiers|tout a fait|ca marche|ca me va|ca (me |)convient|ca va|ca roule|c est bon|c est good|c est parfait|c est ok|top|super|nickel|genial|cool|go|partante?|interessee?|disponible|disponibles|libre|valide|valable|en cours de validite|a jour|j ai (le|la|les|mon|ma|mes|un|une|bien|toujours|tout)|je l ai|je les ai|j en ai|je peux|je confirme|confirme|je valide|je prends|ca me tente|avec plaisir|vas y|allez|certainement|bien entendu)',
    '(si si|ben si|bah si|mais si|present|presente|possede|possedes|je me debrouille|je m arrange|je trouverai|affirmatif|positif|entendu|tres bien|ca me parait bien)',
  ],
  // A yes on its own: not turned into a refusal by a "pas" after it.
  interjections: ['oui', 'ok', 'd accord', 'parfait', 'super', 'top', 'nickel', 'genial', 'cool', 'go'],
  // The whole reply is a yes contradicting a negative question ("si").
  aloneYes: ['si'],
  // Interrogative openings, for replies written as a question without a question mark.
  questionLeads: ['et'],
  questionStart: [
    'combien',
    'quel',
    'quelle',
    'quels',
    'quelles',
    'quand',
    'ou (est|se|ca|c est)',
    'c est (ou|quoi|combien|quand)',
    { pattern: 'pourquoi(?! pas)' },
    'comment',
    'est ce qu',
    'a quelle heure',
    'qui',
  ],
  questionAnywhere: ['(combien|c est (ou|quoi|quand)|est ce (que|qu)|a quelle heure)'],
  questionAbout: {
    duration: ['(combien de temps|duree|jusqu (a|au) quand|fini quand|termine quand|ca dure|dure combien)'],
    pay: [
      '(salaire|taux|paye*|paie|payer|remuner*|brut|net|tarif|de l heure|l heure|par heure|primes?|panier|majoration|combien)',
    ],
    hours: [
      '(horaires?|heures?|a quelle heure|commence a|finit a|fini a|planning|equipe|postes?|2x8|3x8|nuits?|matin|apres midi|aprem)',
    ],
    address: [
      '(adresse|ou (c est|se trouve|est|ca se passe|ca|se situe)|c est ou|c ou|lieu|site|localisation|situe|secteur|quelle ville|entreprise|boite|societe|loin)',
    ],
    dates: ['(quand|date|debut|commence quand|ca commence)'],
  },
  transport: {
    carpool: [
      '(covoiturage|covoit|on me depose|me depose|m emmene|m amene|me conduit|un collegue|un ami|une amie|un pote|ma copine|mon copain|quelqu un m)',
    ],
    car: ['(voiture|vehicule|vehiculee?|ma caisse|auto|bagnole|en caisse)'],
    motorbike: ['(moto|scooter|scoot|deux roues|2 roues)'],
    bike: ['(velo|trottinette|trotinette)'],
    walk: ['(a pied|a pieds|en marchant)'],
    public: ['(bus|tram|tramway|metro|rer|train|ter|transports?|tcl|ratp|navette)'],
  },
  noTransport: [
    '(pas de|sans|aucun|n ai pas de|j ai pas de|pas) (voiture|vehicule|moyen|permis|bagnole|caisse|vehiculee?|transport)',
    'non vehicule',
  ],
  immediate: [
    '(de suite|tout de suite|immediatement|des maintenant|maintenant|des aujourd hui|quand vous voulez|quand tu veux)',
  ],
  // A date after these words is about the certificate's validity.
  validity: ['(valide|valable|validite|expire*|perime*|renouvel*|recycl*|a jour|bon|il est|elle est)'],
};
