import type { TitleAlias } from './occupation-aliases.js';

/**
 * A wider English vocabulary for the English title index: common US and UK job titles and head nouns, grouped
 * by the ROME v460 code they name. Where only the family is clear from the title ("coach", "advocate",
 * "paraeducator") the code is the family's own code (`code_rome_parent`); where the title names one
 * occupation, its code.
 *
 * Provenance: written by hand from general knowledge of US/UK job-board and résumé vocabulary (the words
 * American and British employers put in titles: "teacher aide", "key holder", "line cook", "superintendent"),
 * family by family through the ROME v460 family list and its French appellations. Nothing here is copied
 * from an evaluation file. It completes `ENGLISH_TITLES` (the first curated list) and ESCO's English labels,
 * which carry the international vocabulary (ESCO "advocate" is a lawyer, "coach" a career or job coach) but
 * miss the US/UK words the job boards use. Like `ENGLISH_TITLES`, an entry here decides over an ESCO label
 * with the same words (see the taxonomy build).
 */
const GROUPS: Readonly<Record<string, string>> = {
  // education
  K2106:
    'elementary school teacher; elementary teacher; primary school teacher; primary teacher; ' +
    'kindergarten teacher; grade teacher; first grade teacher; second grade teacher; grade school teacher; ' +
    'classroom teacher; substitute teacher; supply teacher; reading teacher; reading specialist; ' +
    'literacy specialist; interventionist; reading interventionist; literacy coach',
  K2107:
    'high school teacher; secondary school teacher; secondary teacher; middle school teacher; ' +
    'math teacher; mathematics teacher; science teacher; english teacher; history teacher; ' +
    'biology teacher; chemistry teacher; physics teacher; spanish teacher; french teacher; ' +
    'language teacher; social studies teacher; business teacher; special education teacher; ' +
    'special ed teacher; tutor; private tutor; academic tutor; esl teacher; esl instructor',
  K2108:
    'professor; assistant professor; associate professor; adjunct professor; adjunct instructor; ' +
    'adjunct faculty; faculty member; lecturer; senior lecturer; university lecturer; college instructor; ' +
    'college professor; graduate teaching assistant',
  K2104:
    'teaching assistant; teacher assistant; teachers assistant; teacher aide; teachers aide; paraeducator; ' +
    'paraprofessional; instructional aide; instructional assistant; classroom aide; classroom assistant; ' +
    'school aide; lunch aide; lunchroom supervisor; recess aide; hall monitor; special education aide; ' +
    'learning support assistant',
  K2103:
    'principal; school principal; assistant principal; vice principal; headteacher; head teacher; ' +
    'headmaster; headmistress; deputy head teacher; dean of students; school administrator; ' +
    'school superintendent',
  K2111:
    'trainer; corporate trainer; technical trainer; training instructor; training specialist; ' +
    'training coordinator; instructor; course instructor; language trainer; language instructor; ' +
    'training officer; facilitator',
  K2112:
    'school counselor; guidance counselor; academic advisor; academic adviser; college advisor; ' +
    'admissions counselor; career advisor; career counselor',
  K2102: 'instructional coordinator; curriculum coordinator; curriculum developer; instructional designer',
  K2105: 'music teacher; piano teacher; guitar teacher; voice teacher; choir director',
  K2110: 'driving instructor; driver education instructor',
  K2401: 'social scientist; sociologist; historian; anthropologist; archaeologist',
  K2402: 'research scientist',
  // sport and leisure
  G1204:
    'coach; sports coach; assistant coach; head coach; football coach; soccer coach; basketball coach; ' +
    'baseball coach; volleyball coach; tennis coach; track coach; swim coach; swimming coach; ' +
    'boxing coach; athletics coach; fitness instructor; fitness trainer; fitness coach; personal trainer; ' +
    'gym instructor; yoga instructor; pilates instructor; swimming instructor; swim instructor; ' +
    'ski instructor; lifeguard; fitness manager; fitness director',
  G1203:
    'camp counselor; camp counsellor; youth worker; youth leader; youth counselor; recreation leader; ' +
    'recreation aide; recreation assistant; recreation coordinator; recreation director; camp director; ' +
    'activity leader; after school counselor; playworker',
  G1202: 'activity coordinator; activities coordinator; activities director; arts and crafts instructor',
  // childcare and social care
  K1303:
    'nanny; babysitter; childminder; child care provider; childcare provider; child care worker; ' +
    'childcare worker; daycare worker; day care worker; daycare provider; au pair; child care assistant; ' +
    'childcare assistant; daycare teacher; day care teacher; home daycare',
  K1202:
    'preschool teacher; pre k teacher; nursery teacher; early childhood educator; ' +
    'early years practitioner; early childhood teacher; nursery nurse; early years educator',
  K1302:
    'caregiver; carer; care giver; home health aide; home care aide; personal care aide; ' +
    'personal care assistant; home carer; home care worker; care worker; care assistant; ' +
    'domiciliary carer; companion caregiver; direct care worker; elderly caregiver',
  K1207:
    'direct support professional; residential counselor; residential youth counselor; youth care worker; ' +
    'behavior technician; behavioral technician; behavior specialist; mental health technician; ' +
    'mental health worker; group home worker; residential support worker',
  K1201:
    'social worker; caseworker; case worker; case manager; social services case manager; ' +
    'child welfare worker; family support worker; clinical social worker; medical social worker; ' +
    'school social worker',
  K1204:
    'advocate; family advocate; child advocate; victim advocate; youth advocate; community advocate; ' +
    'community outreach worker; outreach worker; outreach coordinator; community health worker; ' +
    'community organizer; peer support specialist',
  K1104:
    'psychologist; therapist; counselor; counsellor; mental health counselor; mental health therapist; ' +
    'family therapist; marriage and family therapist; substance abuse counselor; addiction counselor; ' +
    'clinical psychologist; school psychologist',
  K1103: 'life coach; personal coach; wellness coach; executive coach; personal development coach',
  K1801: 'job coach; employment specialist; employment counselor; vocational counselor; job developer',
  // health
  J1501:
    'nursing assistant; certified nursing assistant; nurse aide; nurses aide; nursing aide; ' +
    'patient care technician; patient care assistant; healthcare assistant; health care assistant; ' +
    'nursing auxiliary; hospital aide',
  J1506:
    'nurse; registered nurse; staff nurse; charge nurse; nurse practitioner; licensed vocational nurse; ' +
    'licensed practical nurse; travel nurse; floor nurse; home health nurse; school nurse; clinical nurse',
  J1301: 'orderly; hospital porter; patient transporter; sterile processing technician',
  J1303:
    'medical assistant; clinical assistant; certified medical assistant; dental assistant; ' +
    'chiropractic assistant; ophthalmic assistant; optometric assistant; doctors assistant',
  J1302:
    'phlebotomist; medical laboratory technician; medical lab technician; clinical laboratory technician',
  J1305: 'paramedic; emergency medical technician; ambulance driver; ambulance technician',
  J1307: 'pharmacy technician; pharmacy assistant; pharmacy tech',
  J1306:
    'radiographer; radiology technician; radiologic technologist; x ray technician; sonographer; ' +
    'mri technologist',
  J1404: 'physical therapist; physiotherapist; physical therapy assistant; physical therapy aide',
  J1403: 'occupational therapist; occupational therapy assistant',
  J1406: 'speech therapist; speech language pathologist; speech and language therapist',
  J1402: 'dietitian; dietician; nutritionist',
  J1102: 'physician; doctor; general practitioner; family physician; family doctor; medical doctor',
  J1103: 'dentist; dental surgeon',
  J1202: 'pharmacist',
  J1405: 'optician; dispensing optician',
  J1408: 'chiropractor; osteopath',
  J1104: 'midwife',
  M1609:
    'medical secretary; medical receptionist; medical records clerk; medical records technician; ' +
    'medical records specialist; medical records coordinator; health information technician; ' +
    'health information specialist; health information clerk; patient access representative; ' +
    'patient access specialist; patient registrar; admitting clerk; admissions clerk; unit clerk; ' +
    'unit secretary; ward clerk; medical biller; medical coder; medical billing specialist; ' +
    'medical billing and coding specialist; medical office assistant; front desk medical receptionist',
  // sales and retail
  D1214:
    'sales associate; retail associate; retail sales associate; store associate; sales assistant; ' +
    'shop assistant; retail assistant; retail sales assistant; sales clerk; shop worker; retail worker; ' +
    'salesclerk; apparel associate; clothing associate',
  D1503:
    'key holder; keyholder; retail manager; retail supervisor; department supervisor; store supervisor; ' +
    'apparel manager',
  D1505:
    'cashier; checkout operator; checkout assistant; cash register operator; front end cashier; ' +
    'register clerk',
  D1507:
    'stocker; stock associate; shelf stacker; night stocker; stock clerk; replenishment associate; ' +
    'grocery clerk',
  D1502: 'grocery manager; produce manager; deli manager; bakery manager; meat department manager',
  D1406: 'sales director; director of sales; head of sales; regional sales manager; national sales manager',
  D1402:
    'account executive; sales representative; sales rep; sales executive; outside sales representative; ' +
    'territory manager; territory sales representative; business development representative; ' +
    'business development executive; sales officer; key account manager; account manager; sales agent; ' +
    'sales specialist; sales consultant; field sales representative',
  D1407:
    'technical sales representative; sales engineer; technical sales engineer; ' +
    'medical sales representative; pharmaceutical sales representative',
  D1408:
    'customer service representative; customer service agent; customer service advisor; ' +
    'customer service associate; customer service specialist; customer care representative; ' +
    'customer care agent; customer care consultant; customer care specialist; customer service advocate; ' +
    'customer advocate; call center agent; call centre agent; call center representative; ' +
    'contact center agent; customer relations specialist; customer relations representative; phone banker; ' +
    'telemarketer; telesales representative; inside sales representative',
  M1704:
    'customer service manager; customer service supervisor; customer care manager; ' +
    'customer care supervisor; customer experience manager; customer relations manager; ' +
    'director of customer care; director of customer service; complaints handler; complaints manager',
  D1301:
    'grocery store manager; supermarket manager; convenience store manager; store manager; ' +
    'assistant store manager; shop manager',
  // hotels and restaurants
  G1603:
    'crew trainer; swing manager; fast food worker; food service worker; food service associate; ' +
    'restaurant crew; cafeteria worker',
  G1602:
    'line cook; prep cook; cook; short order cook; grill cook; kitchen assistant; kitchen porter; ' +
    'kitchen hand; commis chef',
  G1601:
    'chef; head chef; executive chef; sous chef; chef de partie; pastry chef; culinary director; ' +
    'director of culinary arts; kitchen manager',
  G1803: 'server; waiter; waitress; food server; busser; busboy; food runner; host; hostess; restaurant host',
  G1801: 'bartender; barman; barmaid; barista; bar staff; mixologist',
  G1605: 'dishwasher; pot washer; kitchen steward',
  G1404:
    'restaurant manager; assistant restaurant manager; restaurant general manager; ' +
    'food and beverage manager; catering manager',
  G1703:
    'front desk agent; front desk clerk; hotel receptionist; night auditor; guest service agent; ' +
    'front office agent',
  G1501: 'room attendant; housekeeping attendant; chambermaid; hotel housekeeper',
  G1503: 'executive housekeeper; housekeeping supervisor; housekeeping manager',
  G1402: 'hotel manager; hotel general manager; resort manager',
  G1701: 'concierge',
  // office and administration
  M1601: 'receptionist; front desk coordinator; front office coordinator; greeter; switchboard operator',
  M1602:
    'administrative assistant; office assistant; office clerk; clerk; general clerk; administrative clerk; ' +
    'file clerk; clerical assistant; administrative coordinator; administrative specialist; ' +
    'administrative associate; admin assistant; office coordinator; office support',
  M1606: 'data entry clerk; data entry operator; data entry specialist; typist',
  M1604:
    'executive secretary; executive administrative assistant; assistant to the director; ' +
    'company secretary',
  M1607: 'secretary; school secretary; church secretary',
  M1603: 'mail carrier; postal worker; mail clerk; mailroom clerk; letter carrier',
  // finance, accounting, HR
  M1203:
    'bookkeeper; accounts payable clerk; accounts payable specialist; accounts receivable clerk; ' +
    'accounts receivable specialist; accounting clerk; accounting assistant; accounting specialist; ' +
    'billing clerk; billing specialist; staff accountant; tax accountant; tax preparer; tax analyst; ' +
    'tax specialist; tax associate; fund accountant; payroll clerk; payroll specialist',
  M1204:
    'budget analyst; cost accountant; cost analyst; pricing analyst; financial planning analyst; ' +
    'fp and a analyst; controller; comptroller',
  M1201: 'financial analyst; investment analyst; equity analyst; credit analyst',
  M1202: 'internal auditor; external auditor; audit associate; audit senior; audit manager',
  M1207: 'treasury analyst; treasury manager; cash manager',
  C1303: 'portfolio manager; fund manager; investment manager',
  C1205: 'financial advisor; financial adviser; financial planner; wealth manager; wealth advisor',
  C1206:
    'personal banker; relationship banker; banker; loan officer; mortgage loan officer; branch banker; ' +
    'relationship manager',
  C1201: 'bank teller; teller; head teller',
  C1204:
    'loan processor; mortgage processor; loan servicing specialist; loan closer; payoff specialist; ' +
    'collections specialist',
  C1207: 'bank branch manager; branch manager bank',
  C1102: 'insurance agent; insurance sales agent; insurance advisor; insurance account manager',
  C1103: 'insurance broker',
  C1107:
    'claims adjuster; claims examiner; claims analyst; claims handler; claims specialist; ' +
    'claims representative; insurance adjuster',
  C1109:
    'claims processor; insurance processor; policy administrator; pension administrator; pension analyst; ' +
    'benefits administrator',
  C1110: 'underwriter; insurance underwriter',
  C1105: 'actuary; actuarial analyst',
  M1501:
    'benefits specialist; compensation analyst; compensation specialist; hr administrator; ' +
    'personnel clerk; personnel assistant; hr generalist; hr coordinator; hr specialist; ' +
    'human resources generalist; human resources coordinator; human resources specialist',
  M1502:
    'recruiting coordinator; talent acquisition coordinator; staffing coordinator; staffing specialist; ' +
    'headhunter; sourcer',
  // real estate
  C1504:
    'realtor; real estate broker; real estate salesperson; new home counselor; new home sales consultant; ' +
    'buyer agent',
  C1502:
    'leasing consultant; leasing agent; leasing manager; property management coordinator; ' +
    'apartment manager; relocation consultant',
  C1503: 'real estate asset manager; real estate analyst; property developer',
  // IT
  M1805:
    'developer; software developer; programmer; software engineer; computer programmer; ' +
    'application developer; abap developer; mainframe developer; cobol programmer; web programmer; ' +
    'programmer analyst; systems analyst; java developer; java engineer; python developer; ' +
    'python engineer; php developer; ruby developer; golang developer; go developer; net developer; ' +
    'c developer; android developer; ios developer; mobile developer; mobile app developer; sql developer; ' +
    'oracle developer; salesforce developer; sap developer; backend engineer; back end engineer; ' +
    'embedded software engineer',
  M1855:
    'web developer; front end developer; frontend developer; back end developer; full stack developer; ' +
    'wordpress developer; drupal developer; javascript developer; react developer; angular developer; ' +
    'vue developer; node developer; typescript developer; ui developer',
  M1810:
    'IT support technician; IT support specialist; IT technician; IT specialist; computer technician; ' +
    'IT associate',
  M1801:
    'system administrator; systems administrator; sysadmin; network administrator; database administrator; ' +
    'windows administrator; linux administrator',
  M1802:
    'network engineer; systems engineer; infrastructure engineer; cloud engineer; security engineer; ' +
    'network architect',
  M1806:
    'sap consultant; erp consultant; oracle consultant; functional consultant; business analyst; ' +
    'IT business analyst; IT consultant; maximo consultant; sap sd consultant; sap fico consultant',
  M1803:
    'IT manager; IT director; chief information officer; chief technology officer; ' +
    'director of information technology; head of it',
  M1815:
    'qa tester; software tester; test analyst; qa analyst; qa engineer; quality assurance analyst; ' +
    'quality assurance tester',
  M1403:
    'data analyst; reporting analyst; report analyst; bi analyst; business intelligence analyst; ' +
    'statistician; market research analyst',
  M1405: 'data scientist; machine learning engineer',
  // engineering, industry, trades
  H1203:
    'cad designer; cad drafter; drafter; draftsman; draughtsman; cad technician; mechanical designer; ' +
    'mechanical drafter; design drafter',
  H1206:
    'mechanical engineer; design engineer; product design engineer; r and d engineer; electrical engineer; ' +
    'electronics engineer',
  H1204: 'industrial designer; product designer',
  H1402: 'process engineer; manufacturing engineer; industrial engineer; production engineer',
  H1502: 'quality engineer; quality manager; quality coordinator',
  H1506: 'quality inspector; quality control inspector; qc inspector',
  H1503:
    'lab technician; laboratory technician; laboratory assistant; lab assistant; qc chemist; ' +
    'quality control technician',
  H2301: 'process operator; chemical operator; plant operator; chemical plant operator',
  H2603: 'machine operator; production machine operator; packaging machine operator; machine operative',
  H2102: 'food production worker; food processing worker; food production operative',
  H2909:
    'production associate; manufacturing associate; assembly associate; assembly line worker; line worker',
  H3302: 'packager; packaging associate; packing associate; packaging worker',
  H2903: 'machinist; cnc machinist; lathe operator; milling machine operator',
  I1602:
    'aircraft mechanic; aviation mechanic; aircraft maintenance technician; ' +
    'airframe and powerplant mechanic; avionics technician',
  I1604:
    'auto mechanic; automotive technician; car mechanic; mechanic; vehicle technician; lube technician; ' +
    'tire technician',
  I1603: 'diesel mechanic; diesel technician; heavy equipment mechanic; fleet mechanic',
  I1310: 'maintenance mechanic; industrial mechanic; millwright; maintenance fitter; mechanical technician',
  I1304:
    'maintenance technician; industrial maintenance technician; maintenance engineer; ' +
    'plant maintenance technician',
  I1203:
    'maintenance worker; building maintenance worker; handyman; maintenance man; general maintenance; ' +
    'building engineer; maintenance person; maintenance operative',
  I1101:
    'facilities manager; facility manager; facilities director; director of facilities; ' +
    'buildings and grounds director; maintenance manager; maintenance supervisor',
  I1306: 'hvac technician; refrigeration technician; air conditioning technician; refrigeration engineer',
  I1308: 'heating engineer; boiler technician; gas engineer; furnace technician',
  I1401: 'computer repair technician; field service technician; service technician; electronics technician',
  K2204:
    'janitor; custodian; cleaner; cleaning operative; housekeeper; office cleaner; commercial cleaner; ' +
    'environmental services worker',
  A1203: 'groundskeeper; landscaper; gardener; landscape laborer; grounds worker; lawn care technician',
  // construction
  F1201:
    'construction manager; site manager; project superintendent; construction superintendent; ' +
    'superintendent; contracts manager',
  F1202:
    'foreman; construction foreman; site supervisor; construction supervisor; general foreman; ' +
    'electrical superintendent',
  F1704:
    'laborer; construction laborer; general laborer; construction worker; labourer; building laborer; ' +
    'hod carrier',
  F1103: 'building inspector; construction inspector; home inspector; code enforcement officer',
  F1107: 'land surveyor; surveyor',
  F1108: 'quantity surveyor; estimator; cost estimator; construction estimator',
  F1106: 'civil engineer; structural engineer; geotechnical engineer',
  F1104: 'architectural drafter; architectural technician; architectural technologist',
  F1602:
    'electrician; apprentice electrician; journeyman electrician; master electrician; electrician helper',
  F1603: 'plumber; pipefitter plumber; plumbing apprentice',
  F1503: 'carpenter; framer; rough carpenter; finish carpenter; joiner',
  F1606: 'painter; house painter; painter and decorator; decorator',
  F1703: 'mason; bricklayer; stonemason; concrete finisher',
  F1608: 'tile setter; tiler; floor layer',
  F1610: 'roofer; roofing laborer',
  // logistics and transport
  N1103:
    'shipping clerk; receiving clerk; shipping and receiving clerk; shipping and receiving; ' +
    'shipping associate; receiving associate; inventory clerk; inventory associate; stockroom clerk; ' +
    'parts clerk; warehouse clerk',
  N1303:
    'inventory control specialist; inventory analyst; inventory planner; supply planner; material planner; ' +
    'materials coordinator; supply chain analyst',
  N1301:
    'logistics manager; supply chain manager; distribution manager; logistics coordinator; ' +
    'logistics specialist',
  N1302: 'warehouse manager; warehouse supervisor; distribution center manager',
  N4203: 'dispatcher; truck dispatcher; transportation dispatcher; fleet coordinator; transport planner',
  M1101:
    'buyer; purchasing agent; procurement specialist; purchasing specialist; procurement analyst; ' +
    'purchasing assistant; purchasing coordinator',
  M1102: 'purchasing manager; procurement manager; head of procurement; director of purchasing',
  // marketing, communication, media
  M1705:
    'marketing coordinator; marketing specialist; marketing associate; marketing executive; ' +
    'marketing director; fundraiser; fundraising coordinator; development officer; ' +
    'development coordinator; donor relations coordinator; development director; director of development; ' +
    'fundraising manager; grants manager',
  E1103:
    'public relations specialist; public relations manager; publicist; communications specialist; ' +
    'communications coordinator; communications officer; press officer; community relations manager; ' +
    'community relations director; media relations',
  E1102: 'writer; author; grant writer; freelance writer; ghostwriter',
  E1105:
    'editor; copy editor; managing editor; publications specialist; publications coordinator; proofreader',
  E1106:
    'journalist; reporter; correspondent; news reporter; feature writer; sports writer; news anchor; ' +
    'newsreader; news reader',
  E1402: 'media planner; media buyer; traffic coordinator; advertising coordinator',
  E1401: 'advertising account executive; advertising manager; account director advertising',
  E1201: 'photographer; photojournalist',
  L1505: 'videographer; camera operator; cameraman; cinematographer',
  L1507: 'video editor; film editor',
  L1302: 'film producer; television producer; tv producer; executive producer',
  L1509: 'production assistant; line producer',
  L1301: 'film director; video director; theatre director',
  // security, legal, public
  K2503:
    'security officer; security guard; loss prevention officer; loss prevention associate; ' +
    'loss prevention specialist; security agent; school safety officer',
  K1707: 'police officer; deputy sheriff; sheriff deputy; school resource officer',
  K1903:
    'legal officer; legal advisor; legal adviser; compliance officer; corporate counsel; in house counsel; ' +
    'associate attorney; law clerk',
  M1612: 'legal assistant; legal secretary; paralegal; litigation paralegal',
  K1404: 'legislative aide; legislative assistant; policy analyst; policy advisor',
  // management
  M1301: 'ceo; president and ceo; chief operating officer; coo',
  M1302: 'business owner; small business owner; owner operator; franchise owner',
  // agriculture and animals
  A1402: 'farmworker; farm worker; farmhand; farm hand; field worker; crop worker; harvester',
  A1403: 'ranch hand; livestock worker; dairy worker; livestock caretaker',
  A1303:
    'agronomist; agricultural scientist; soil scientist; entomologist; plant pathologist; crop consultant',
  A1501:
    'veterinary assistant; vet assistant; veterinary technician; vet tech; kennel assistant; ' +
    'animal care attendant',
  A1504: 'veterinarian; vet; veterinary surgeon',
  A1503: 'dog groomer; pet groomer; groomer',
  I1404:
    'help desk technician; help desk analyst; help desk support; service desk analyst; ' +
    'service desk engineer; desktop support technician; desktop support engineer; desktop support analyst; ' +
    'technical support specialist; technical support engineer; tech support; computer support specialist; ' +
    'application support engineer; application support analyst; application support specialist',
  M1853: 'IT project manager; IT program manager; technical project manager; software project manager',
  D1415: 'customer success manager; customer success specialist; client relationship manager',
  M1703: 'product manager; brand manager; category manager',
};

/** The table as title → code rows, in table order. */
export const ENGLISH_VOCABULARY: readonly TitleAlias[] = Object.entries(GROUPS).flatMap(
  ([romeCode, titles]) => titles.split(';').map((title) => ({ title: title.trim(), romeCode })),
);

/**
 * English head nouns that name a trade only loosely when they stand alone: "Teacher" (which level?),
 * "Counselor" (camp, school, mental health?), "Clerk", "Driver". The vocabulary above files each under its most
 * common family, so a bare one finds an answer, but it is not a sure one: the search flags it and the
 * confidence is capped (see `BROAD_HEAD_CONFIDENCE`). With a modifier ("Substitute Teacher", "Camp Counselor")
 * the title is read as usual.
 */
export const BROAD_ENGLISH_HEADS: ReadonlySet<string> = new Set(
  (
    'teacher instructor trainer tutor coach counselor counsellor advocate therapist clerk host server attendant ' +
    'designer producer writer editor artist planner scheduler dispatcher broker driver mechanic technologist ' +
    'scientist researcher housekeeper receptionist painter stylist developer programmer'
  ).split(' '),
);
