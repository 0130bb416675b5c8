import { foldAccents } from '../text/normalize.js';

// Masculine / feminine forms of job titles and CV adjectives, shown as one inclusive form so that a text
// reads the same whoever wrote it. [masculine, feminine, inclusive].
const GENDERED: [string, string, string][] = [
  ['conducteur', 'conductrice', 'conducteur/conductrice'],
  ['opérateur', 'opératrice', 'opérateur/opératrice'],
  ['préparateur', 'préparatrice', 'préparateur/préparatrice'],
  ['animateur', 'animatrice', 'animateur/animatrice'],
  ['éducateur', 'éducatrice', 'éducateur/éducatrice'],
  ['formateur', 'formatrice', 'formateur/formatrice'],
  ['directeur', 'directrice', 'directeur/directrice'],
  ['serveur', 'serveuse', 'serveur/serveuse'],
  ['vendeur', 'vendeuse', 'vendeur/vendeuse'],
  ['plongeur', 'plongeuse', 'plongeur/plongeuse'],
  ['chauffeur', 'chauffeuse', 'chauffeur/chauffeuse'],
  ['soudeur', 'soudeuse', 'soudeur/soudeuse'],
  ['régleur', 'régleuse', 'régleur/régleuse'],
  ['monteur', 'monteuse', 'monteur/monteuse'],
  ['livreur', 'livreuse', 'livreur/livreuse'],
  ['emballeur', 'emballeuse', 'emballeur/emballeuse'],
  ['trieur', 'trieuse', 'trieur/trieuse'],
  ['contrôleur', 'contrôleuse', 'contrôleur/contrôleuse'],
  ['coiffeur', 'coiffeuse', 'coiffeur/coiffeuse'],
  ['nettoyeur', 'nettoyeuse', 'nettoyeur/nettoyeuse'],
  ['caissier', 'caissière', 'caissier/caissière'],
  ['magasinier', 'magasinière', 'magasinier/magasinière'],
  ['ouvrier', 'ouvrière', 'ouvrier/ouvrière'],
  ['infirmier', 'infirmière', 'infirmier/infirmière'],
  ['cuisinier', 'cuisinière', 'cuisinier/cuisinière'],
  ['boulanger', 'boulangère', 'boulanger/boulangère'],
  ['pâtissier', 'pâtissière', 'pâtissier/pâtissière'],
  ['menuisier', 'menuisière', 'menuisier/menuisière'],
  ['plombier', 'plombière', 'plombier/plombière'],
  ['conseiller', 'conseillère', 'conseiller/conseillère'],
  ['ambulancier', 'ambulancière', 'ambulancier/ambulancière'],
  ['technicien', 'technicienne', 'technicien/technicienne'],
  ['électricien', 'électricienne', 'électricien/électricienne'],
  ['mécanicien', 'mécanicienne', 'mécanicien/mécanicienne'],
  ['gardien', 'gardienne', 'gardien/gardienne'],
  ['aide-soignant', 'aide-soignante', 'aide-soignant/aide-soignante'],
  ['assistant', 'assistante', 'assistant/assistante'],
  ['employé', 'employée', 'employé(e)'],
  ['commercial', 'commerciale', 'commercial(e)'],
  ['hôte', 'hôtesse', 'hôte/hôtesse'],
  ['motivé', 'motivée', 'motivé(e)'],
  ['diplômé', 'diplômée', 'diplômé(e)'],
  ['habilité', 'habilitée', 'habilité(e)'],
  ['formé', 'formée', 'formé(e)'],
  ['qualifié', 'qualifiée', 'qualifié(e)'],
  ['certifié', 'certifiée', 'certifié(e)'],
  ['expérimenté', 'expérimentée', 'expérimenté(e)'],
  ['organisé', 'organisée', 'organisé(e)'],
  ['véhiculé', 'véhiculée', 'véhiculé(e)'],
  ['spécialisé', 'spécialisée', 'spécialisé(e)'],
  ['inscrit', 'inscrite', 'inscrit(e)'],
  ['polyvalent', 'polyvalente', 'polyvalent(e)'],
  ['ponctuel', 'ponctuelle', 'ponctuel(le)'],
  ['sérieux', 'sérieuse', 'sérieux(se)'],
  ['rigoureux', 'rigoureuse', 'rigoureux(se)'],
  ['courageux', 'courageuse', 'courageux(se)'],
  ['consciencieux', 'consciencieuse', 'consciencieux(se)'],
  ['travailleur', 'travailleuse', 'travailleur/travailleuse'],
];

let inclusiveForms: Map<string, string> | null = null;

/** Replaces masculine and feminine forms (and `motivé(e)`-style forms) by one inclusive form. */
export function neutralizeGender(text: string): string {
  if (!inclusiveForms) {
    inclusiveForms = new Map();
    for (const [masculine, feminine, form] of GENDERED) {
      for (const word of [form, feminine, masculine, `${masculine}s`, `${feminine}s`]) {
        inclusiveForms.set(foldAccents(word).toLowerCase(), form);
      }
    }
  }
  const forms = inclusiveForms;
  // Words with inner hyphens and an optional "(e)"/"(le)"/"(se)" ending; looked up folded.
  return text.replace(/\p{L}+(?:-\p{L}+)*(?:\((?:e|le|se)\))?/gu, (word) => {
    const form = forms.get(foldAccents(word).toLowerCase());
    if (!form) return word;
    return /^\p{Lu}/u.test(word) ? form[0]!.toUpperCase() + form.slice(1) : form;
  });
}
