/**
 * SMS wording, French. Each key has variants from the fullest to the shortest; the first that fits in two
 * SMS segments and passes the guard is sent. ICU MessageFormat (`{agency}`; write `''` for an apostrophe
 * right before a brace). Written to stay in GSM-7: straight apostrophe, "Etes" not "Êtes", no ê/â/î/ô/û/ç.
 * Formal "vous", short plain sentences, no lists or markdown.
 */
export const smsTemplates = {
  intro: [
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{place}{start}. Pour parler à une personne : {contact}. Pour ne plus recevoir de messages, répondez STOP.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{start}. Pour parler à une personne : {contact}. Répondez STOP pour ne plus recevoir de messages.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}, au sujet d'une mission {ofTitle}. Pour parler à une personne : {contact}. Répondez STOP pour vous désinscrire.",
    "Bonjour, ici une IA de l'agence {agency}, pour une mission. Une personne : {contact}. STOP pour vous désinscrire.",
  ],
  availability: [
    'Etes-vous disponible {when}{shift} ? Répondez oui ou non, ou indiquez votre date de disponibilité.',
    'Etes-vous disponible {when}{shift} ?',
  ],
  certification: [
    "Avez-vous {label} en cours de validité ? Si oui, jusqu'à quelle date ?",
    'Avez-vous {label} en cours de validité ?',
  ],
  licence: ['Avez-vous le {label} en cours de validité ?'],
  transport: [
    'La mission est à {city}. Comment pensez-vous vous y rendre (voiture, transports en commun, covoiturage) ?',
    'Comment pensez-vous vous rendre sur le site de {city} ?',
  ],
  rate: ['Le taux horaire est de {rate} brut. Cela vous convient-il ?'],
  confirmation: [
    'Merci. Dernière question : confirmez-vous que cette mission {ofTitle} vous intéresse ?',
    'Merci. Confirmez-vous que cette mission vous intéresse ?',
  ],
  reminder: [
    "Petit rappel de l'agence {agency} : {question}",
    'Petit rappel : pouvez-vous répondre à notre dernier message ? Répondez STOP pour ne plus recevoir de messages.',
  ],
  clarify: ["Je n'ai pas bien compris. {question}", "Je n'ai pas bien compris votre réponse."],
  injection: [
    'Je peux seulement parler de cette mission. {question}',
    'Je peux seulement parler de cette mission.',
  ],
  'answer-pay': ['Le taux horaire est de {rate} brut. {question}', 'Le taux horaire est de {rate} brut.'],
  'answer-hours': ['Horaires de la mission : {hours}. {question}', 'Horaires de la mission : {hours}.'],
  'answer-address': [
    "La mission se situe à {city}. L'adresse exacte vous sera donnée par l'agence. {question}",
    'La mission se situe à {city}.',
  ],
  'answer-dates': ['La mission {dates}. {question}', 'La mission {dates}.'],
  'handoff-question': [
    "Je transmets votre question à un conseiller de l'agence {agency}, qui vous répondra. {question}",
    "Je transmets votre question à un conseiller de l'agence {agency}, qui vous répondra.",
  ],
  handoff: [
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter. Vous pouvez aussi le joindre : {contact}.",
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter.",
  ],
  'opt-out': [
    "C'est noté, vous ne recevrez plus de messages de l'agence {agency}. Bonne journée.",
    "C'est noté, vous ne recevrez plus de messages.",
  ],
  'closing-qualified': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter très vite pour la suite.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-review': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter pour en parler.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-not-qualified': [
    "Merci pour votre réponse. Cette mission demande {requirement} : je transmets votre réponse à un conseiller de l'agence {agency}, qui reviendra vers vous.",
    "Merci pour votre réponse. Je la transmets à un conseiller de l'agence, qui reviendra vers vous.",
  ],
  'closing-not-interested': [
    "Merci pour votre réponse. L'agence vous proposera d'autres missions. Bonne journée.",
    'Merci pour votre réponse. Bonne journée.',
  ],
} satisfies Record<string, readonly string[]>;
