/**
 * Words that tell the parts of a CV entry apart ("Senior Software Engineer" / "Infosys Limited" /
 * "Pune, Maharashtra"), French and English, folded (no accents, lower case). They are cues, weighed
 * against each other by `entry-parts.ts`, never a list of known employers or titles.
 */

const set = (text: string) => new Set(text.trim().split(/\s+/));

/** Head nouns and role words of job titles. */
export const TITLE_WORDS = set(`
  accountant administrator adviser advisor advocate agent aide analyst apprentice architect artist assistant associate
  attendant attorney auditor baker banker barista bartender biologist bookkeeper buyer captain carpenter cashier
  chef chemist clerk clinician coach consultant controller cook coordinator counselor counsellor courier crew
  dba designer developer dietitian director dispatcher doctor driver economist editor educator electrician
  engineer estimator examiner executive expert fellow firefighter foreman founder freelancer gardener generalist guard
  handler head helper holder hostess housekeeper hygienist inspector installer instructor intern internship interpreter
  investigator janitor journalist laborer labourer lawyer lead leader lecturer librarian lifeguard linguist
  machinist manager marketer mechanic member merchandiser midwife nurse officer operator owner painter paralegal
  paramedic partner pharmacist photographer physician physiotherapist picker pilot planner plumber porter
  practitioner president principal producer professor programmer promoter psychologist publicist receptionist
  recruiter rep representative researcher salesman salesperson scientist scribe secretary server sme specialist
  steward stocker strategist student superintendent supervisor support surgeon surveyor teacher technician
  technologist teller tester therapist trader trainee trainer translator tutor underwriter volunteer waiter
  waitress welder worker writer vp ceo cto cfo coo cio svp evp avp md
  cariste preparateur preparatrice manutentionnaire magasinier magasiniere soudeur soudeuse chauffeur
  conducteur conductrice livreur livreuse operateur operatrice agente employe employee ouvrier ouvriere
  technicienne ingenieur ingenieure responsable directeur directrice assistante vendeur vendeuse serveur
  serveuse commis cuisinier cuisiniere hotesse caissier caissiere infirmier infirmiere auxiliaire animateur
  animatrice educateur educatrice macon electricienne plombier peintre menuisier mecanicien livreur
  gestionnaire comptable secretaire stagiaire apprenti apprentie interimaire consultante developpeur
  developpeuse charge chargee coordinateur coordinatrice superviseur formateur formatrice soignant soignante
  standardiste ash avs aes agent controleur controleuse chef cheffe adjoint adjointe plongeur plongeuse
  boulanger boulangere boucher bouchere patissier patissiere caviste barman barmaid femme homme
  jardinier jardiniere paysagiste couvreur carreleur platrier grutier grutiere coffreur ferrailleur
  cableur cableuse monteur monteuse regleur regleuse usineur tourneur fraiseur chaudronnier tuyauteur
  ambulancier ambulanciere puericultrice brancardier accompagnant accompagnante nettoyeur vigile
  electricien technicien mecanicienne logisticien manoeuvre serrurier charpentier receptionniste veilleur
  gardien concierge emballeur emballeuse trieur conditionneur conditionneuse hote
  equipier equipiere plaquiste laveur laveuse manœuvre agt prep
  operative packer loader sorter stacker cleaner caretaker carer caregiver nanny babysitter sitter handyman
  copywriter mediator coop
`);

/** Legal forms and organisation words of employer names. */
export const COMPANY_WORDS = set(`
  ltd limited inc incorporated llc llp plc pvt private corp corporation co company companies gmbh ag sa sas
  sarl sasu eurl snc bv nv srl spa oy ab pty kg lp
  technologies technology tech solutions services systems consulting consultancy consultants group holdings
  bank hospital hospitals clinic healthcare university college school institute academy agency labs
  laboratories industries enterprises international global software networks communications foundation council
  ministry government restaurant restaurants hotel hotels store stores supermarket retail market centre center
  studio studios media insurance pharmaceuticals pharma motors airlines airways logistics energy infotech
  infosystems webservices bpo
  societe groupe entreprise entreprises etablissement etablissements usine magasin hopital clinique ehpad
  mairie lycee college transports transport logistique interim industrie industries entrepot entrepots
  hypermarche supermarche boulangerie cabinet association batiment travaux
`);

/** Anonymised-template placeholders ("Company Name", "City , State"). */
export const COMPANY_PLACEHOLDER = /\bcompany\s+name\b/iu;
export const LOCATION_PLACEHOLDER = /\bcity\s*,\s*state\b/iu;

const phrases = (text: string) =>
  new Set(
    text
      .split(',')
      .map((phrase) => phrase.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );

const US_STATES = phrases(`
  al, ak, az, ar, ca, co, ct, de, fl, ga, hi, id, il, ia, ks, ky, la, md, ma, mi, mn, ms, mo, mt, ne, nv, nh,
  nj, nm, ny, nc, nd, oh, ok, pa, ri, sc, sd, tn, tx, ut, vt, va, wa, wv, wi, wy, dc,
  alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, georgia, hawaii,
  idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan,
  minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey, new mexico, new york,
  north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina,
  south dakota, tennessee, texas, utah, vermont, virginia, washington, west virginia, wisconsin, wyoming,
  usa, united states, us
`);
const INDIAN_STATES = phrases(`
  andhra pradesh, arunachal pradesh, assam, bihar, chhattisgarh, goa, gujarat, haryana, himachal pradesh,
  jharkhand, karnataka, kerala, madhya pradesh, maharashtra, manipur, meghalaya, mizoram, nagaland, odisha,
  orissa, punjab, rajasthan, sikkim, tamil nadu, telangana, tripura, uttar pradesh, uttarakhand, west bengal,
  delhi, new delhi, chandigarh, puducherry, pondicherry, ncr, india
`);
const CANADIAN_PROVINCES = phrases(`
  ontario, quebec, alberta, manitoba, saskatchewan, nova scotia, new brunswick, british columbia, on, qc, bc,
  canada
`);
const OTHER_REGIONS = phrases(`
  england, scotland, wales, northern ireland, ireland, uk, united kingdom,
  france, belgique, belgium, suisse, switzerland, germany, allemagne, spain, espagne, italy, italie, portugal,
  netherlands, luxembourg, maroc, morocco, algerie, algeria, tunisie, tunisia, senegal, china, singapore,
  dubai, uae, united arab emirates, qatar, australia, japan, brazil, mexico, pologne, poland, roumanie, romania,
  israel, egypt, saudi arabia, kuwait, oman, bahrain, jordan, lebanon, turkey, iran, iraq, pakistan, bangladesh,
  sri lanka, nepal, malaysia, indonesia, thailand, vietnam, philippines, korea, south korea, taiwan, hong kong,
  new zealand, south africa, nigeria, kenya, ghana, ethiopia, cameroon, cote d ivoire, ivory coast, mali,
  argentina, chile, colombia, peru, venezuela, russia, ukraine, austria, sweden, norway, denmark, finland,
  greece, hungary, czech republic, slovakia, bulgaria, croatia, serbia, estonia, latvia, lithuania,
  remote, teletravail
`);

/** Regions written after a city ("Austin, TX", "Pune, Maharashtra") and countries, folded. */
export const REGION_NAMES = new Set([
  ...US_STATES,
  ...INDIAN_STATES,
  ...CANADIAN_PROVINCES,
  ...OTHER_REGIONS,
]);

/** The country (ISO 3166-1 alpha-2) a region name belongs to, when it is one of a few large countries'. */
export function countryOfRegion(folded: string): string | null {
  if (US_STATES.has(folded)) return 'US';
  if (INDIAN_STATES.has(folded)) return 'IN';
  if (CANADIAN_PROVINCES.has(folded)) return 'CA';
  return null;
}
