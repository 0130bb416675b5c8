import { campaignMessages } from './messages-campaign.js';
import { cliMessages } from './messages-cli.js';
import { complianceMessages } from './messages-compliance.js';
import { lawMessages } from './messages-law.js';
import { matchingMessages } from './messages-matching.js';
import { screeningMessages } from './messages-screening.js';

/** The message catalogue, by area. */
export const messages = {
  ...screeningMessages,
  ...matchingMessages,
  ...complianceMessages,
  ...lawMessages,
  ...cliMessages,
  ...campaignMessages,
};
