/** Campaign report (`cvmatch campaign report`), English. */
export const campaignMessages = {
  'campaign.report.title':
    'Campaign {campaignId}: order {jobId}, {headcount, plural, =1 {1 position} other {# positions}}, {status, select, active {running} full {filled} exhausted {nobody left to contact} other {{status}}}.',
  'campaign.report.totals':
    'Started {startedAt}; {waves, plural, =0 {no wave} =1 {1 wave} other {# waves}}, {contacted} candidates contacted, {smsSent} SMS sent; call list {size}/{capacity}{fullAt, select, none {} other {, complete on {fullAt}}}.',
  'campaign.report.events': 'What happened:',
  'campaign.report.callList':
    'Call list (the recruiter decides; nobody is placed or rejected by the machine):',
  'campaign.report.callListEmpty': 'The call list is empty.',
  'campaign.report.callListEntry':
    '{position}. {candidate} (rank {rank}, score {score}, {status}): {summary}',
  'campaign.event.created':
    '{at}: campaign created, {ranked} of {poolSize} candidates at or above score {minScore}, {callsPerPosition} calls per position.',
  'campaign.event.wave':
    '{at}: wave {wave}, {started} candidate(s) texted; not texted: {optedOut} opted out, {contactCap} at the contact cap, {noPhone} without a phone.',
  'campaign.event.outcome':
    '{at}: {candidate}: {status, select, qualified {qualified} notQualified {misses a requirement} needsHuman {for a person to review} noAnswer {no answer} optedOut {asked to STOP} other {{status}}} ({answers}/{asked} answers).',
  'campaign.event.callList': '{at}: call list {size}/{capacity}.',
  'campaign.event.full':
    '{at}: order filled, no more SMS: {cancelled} message(s) cancelled, {closed} conversation(s) closed.',
  'campaign.event.reopened': '{at}: a place opened on the call list, the campaign resumes.',
  'campaign.event.exhausted': '{at}: nobody left to contact.',
  'campaign.event.held': '{at}: {candidate}: message held (quiet hours) until {until}.',
  'campaign.event.blocked':
    '{at}: {candidate}: send blocked ({reason, select, optedOut {on the opt-out list} orderClosed {order filled} other {{reason}}}).',
  'campaign.event.failed': '{at}: {candidate}: send failed ({error}).',
  'campaign.event.skipped':
    '{at}: {candidate}: not texted ({reason, select, optedOut {on the opt-out list} contactCap {already texted for other orders this week} noPhone {no phone} other {{reason}}}).',
  'campaign.event.late': '{at}: {candidate}: reply after the end, nothing sent.',
  'campaign.event.optOut': '{at}: {candidate}: STOP, added to the agency opt-out list.',
  'campaign.event.handoff':
    '{at}: {candidate}: handed to a person ({reason, select, asked {asked for} unclear {unclear replies} question {candidate question} injections {suspicious messages} guard {message blocked} other {{reason}}}).',
  'campaign.event.decision': '{at}: decision by {by} for {candidate}: {decision}.',
};
