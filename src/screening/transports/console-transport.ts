import { ValidationError } from '../../errors.js';
import { formFields, type InboundSms, maskPhoneNumber, type SmsTransport } from './sms-transport.js';

export type { InboundSms, SmsTransport } from './sms-transport.js';

export interface ConsoleTransportOptions {
  /** Where sent messages are written; default: standard error. */
  write?: (line: string) => void;
  /** Clock for inbound messages; default: the system clock. */
  now?: () => Date;
}

/**
 * A transport for development and demos: "sends" by writing the message to a stream (the number is
 * masked), and reads inbound messages given as `{ from, text }` objects or `From`/`Body` form fields.
 */
export function createConsoleTransport(options: ConsoleTransportOptions = {}): SmsTransport {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  let sent = 0;
  return {
    name: 'console',
    async send(to, text) {
      sent++;
      const id = `console-${sent}`;
      write(`[sms ${id} → ${maskPhoneNumber(to)}] ${text}`);
      return { id };
    },
    parseInbound(requestBody): InboundSms {
      const fields = formFields(requestBody);
      const from = fields.get('from') ?? fields.get('From');
      const text = fields.get('text') ?? fields.get('Body');
      if (from === undefined || text === undefined)
        throw new ValidationError('inbound message needs a sender and a text', {
          issues: [{ path: [], message: 'expected from/text or From/Body fields' }],
        });
      return { from, text, at: (fields.get('at') ? new Date(fields.get('at')!) : now()).toISOString() };
    },
  };
}
