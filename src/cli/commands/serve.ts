import { type Command, Option } from 'commander';
import {
  type CampaignContext,
  createConsoleTransport,
  createJsonLogger,
  createTwilioTransport,
  type DueWorkLoop,
  handleInboundReply,
  type LogLevel,
  runDueCampaignWork,
  type SmsTransport,
  startDueWorkLoop,
  startWebhookServer,
  UsageError,
} from '../../index.js';
import { addProviderOptions, resolveProviderOptions } from '../provider-options.js';
import { addStoreOptions, type StoreCliOptions, withStore } from '../store-options.js';

interface ServeCommandOptions extends StoreCliOptions {
  port: string;
  host: string;
  publicUrl?: string;
  trustProxy?: boolean;
  twilioAccountSid?: string;
  twilioFrom?: string;
  twilioMessagingServiceSid?: string;
  twilioBaseUrl?: string;
  consoleSms?: boolean;
  bodyLimit: string;
  worker?: boolean;
  workerInterval: string;
  logLevel: LogLevel;
  [provider: string]: unknown;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  return number;
}

/** `cvmatch serve`: the SMS webhook server (and, with --worker, the campaign scheduler). */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description(
      "Run the SMS webhook server: candidates' replies (Twilio POST /twilio/sms, signed; JSON POST /sms with " +
        'a bearer token) go to their campaign conversation, which answers through the SMS transport; delivery ' +
        'receipts (POST /twilio/status, POST /sms/status) update the messages; GET /health checks the store. ' +
        'Secrets come from the environment: TWILIO_AUTH_TOKEN (signature key and API), CVMATCH_WEBHOOK_TOKEN ' +
        '(bearer token of the JSON endpoints, 16+ characters). Logs are JSON lines on stderr, numbers masked, ' +
        'no message text. SIGTERM/SIGINT: stop accepting, finish requests in flight, close the store.',
    )
    .option(
      '--port <port>',
      'port to listen on (0: any free port, printed in the "listening" log line)',
      '8080',
    )
    .option(
      '--host <host>',
      'address to listen on (use 0.0.0.0 only behind a proxy or firewall)',
      '127.0.0.1',
    )
    .option(
      '--public-url <url>',
      'public base URL Twilio calls (e.g. https://sms.agence.example/cvmatch): the signature covers it',
    )
    .option('--trust-proxy', 'read X-Forwarded-Proto/X-Forwarded-Host for the signed URL (behind your proxy)')
    .option('--twilio-account-sid <sid>', 'Twilio account (else env TWILIO_ACCOUNT_SID)')
    .option('--twilio-from <number>', 'sender number of the answers (else env TWILIO_FROM)')
    .option('--twilio-messaging-service-sid <sid>', 'or a Twilio messaging service as sender')
    .option(
      '--twilio-base-url <url>',
      'Twilio API base URL (default https://api.twilio.com; for test doubles)',
    )
    .option(
      '--console-sms',
      'development only: no SMS provider, answers are written to stderr (numbers masked, texts shown)',
    )
    .option('--body-limit <bytes>', 'largest request body (413 above)', String(64 * 1024))
    .option(
      '--worker',
      'also run the campaign scheduler: waves, held messages, reminders, no-answer time-outs',
    )
    .option('--worker-interval <seconds>', 'pause between two scheduler passes', '60')
    .addOption(
      new Option('--log-level <level>', 'lowest level logged')
        .choices(['debug', 'info', 'warn', 'error'])
        .default('info'),
    );
  addStoreOptions(command);
  addProviderOptions(command);
  command.action(async (options: ServeCommandOptions) => {
    await runServe(options);
  });
}

async function runServe(options: ServeCommandOptions): Promise<void> {
  const port = integer(options.port, '--port', 0, 65_535);
  const bodyLimitBytes = integer(options.bodyLimit, '--body-limit', 1024, 10 * 1024 * 1024);
  const workerIntervalMs = integer(options.workerInterval, '--worker-interval', 1, 86_400) * 1000;
  if (options.publicUrl !== undefined && !/^https?:\/\//i.test(options.publicUrl))
    throw new UsageError(`--public-url must be an http(s) URL, got "${options.publicUrl}"`);
  const accountSid = options.twilioAccountSid ?? process.env.TWILIO_ACCOUNT_SID;
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  const bearerToken = process.env.CVMATCH_WEBHOOK_TOKEN || undefined;
  const from = options.twilioFrom ?? process.env.TWILIO_FROM;
  if (accountSid && !authToken) throw new UsageError('Twilio needs TWILIO_AUTH_TOKEN in the environment');
  if (!accountSid && !bearerToken)
    throw new UsageError(
      'nothing to serve: set TWILIO_ACCOUNT_SID (or --twilio-account-sid) and TWILIO_AUTH_TOKEN, or CVMATCH_WEBHOOK_TOKEN',
    );
  let transport: SmsTransport;
  if (accountSid) {
    if (!from && !options.twilioMessagingServiceSid)
      throw new UsageError(
        'Twilio answers need --twilio-from (or TWILIO_FROM) or --twilio-messaging-service-sid',
      );
    transport = createTwilioTransport({
      accountSid,
      ...(authToken ? { authToken } : {}),
      ...(from ? { from } : {}),
      ...(options.twilioMessagingServiceSid
        ? { messagingServiceSid: options.twilioMessagingServiceSid }
        : {}),
      ...(options.twilioBaseUrl ? { baseURL: options.twilioBaseUrl } : {}),
    });
  } else if (options.consoleSms) {
    transport = createConsoleTransport();
  } else {
    throw new UsageError(
      'no SMS transport for the answers: configure Twilio, or --console-sms for development',
    );
  }
  const providers = await resolveProviderOptions(options);
  const logger = createJsonLogger({ level: options.logLevel });

  await withStore(options, async (store) => {
    const context: CampaignContext = {
      store,
      transport,
      ...(providers.chatModel ? { chatModel: providers.chatModel } : {}),
    };
    const server = await startWebhookServer({
      store,
      port,
      host: options.host,
      bodyLimitBytes,
      logger,
      handleReply: (inbound) => handleInboundReply(context, inbound),
      ...(accountSid && authToken
        ? {
            twilio: {
              authToken,
              accountSid,
              ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
            },
          }
        : {}),
      ...(bearerToken ? { bearerToken } : {}),
      ...(options.trustProxy ? { trustProxy: true } : {}),
    });
    const worker: DueWorkLoop | null = options.worker
      ? startDueWorkLoop({ run: () => runDueCampaignWork(context), intervalMs: workerIntervalMs, logger })
      : null;
    // Until a signal: then stop accepting, let requests in flight and the scheduler pass end, close the store.
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      const stop = (name: NodeJS.Signals) => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        resolve(name);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    logger.info('shutting down', { signal });
    await Promise.all([server.close(), worker?.stop()]);
  });
  logger.info('stopped', {});
}
