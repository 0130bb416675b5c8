import type { ChatModel, EmbeddingModel, Usage } from '../spec.js';

/** Price of one model, in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Keys are `provider/model` (exact) or `provider/*` (any model of that provider). */
export type PriceTable = Record<string, ModelPrice>;

/**
 * Default prices in USD per million tokens (public list prices, 2025; estimates only — override them
 * with `createUsageMeter({ prices })` for your contract).
 */
export const DEFAULT_PRICES: PriceTable = {
  'local/*': { inputPerMillion: 0, outputPerMillion: 0 },
  'openai/text-embedding-3-small': { inputPerMillion: 0.02, outputPerMillion: 0 },
  'openai/text-embedding-3-large': { inputPerMillion: 0.13, outputPerMillion: 0 },
  'openai/text-embedding-ada-002': { inputPerMillion: 0.1, outputPerMillion: 0 },
  'openai/gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'openai/gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'openai/gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'openai/gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'openai/gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'mistral/mistral-embed': { inputPerMillion: 0.1, outputPerMillion: 0 },
  'mistral/codestral-embed': { inputPerMillion: 0.15, outputPerMillion: 0 },
  'mistral/mistral-small-latest': { inputPerMillion: 0.1, outputPerMillion: 0.3 },
  'mistral/mistral-medium-latest': { inputPerMillion: 0.4, outputPerMillion: 2 },
  'mistral/mistral-large-latest': { inputPerMillion: 2, outputPerMillion: 6 },
  'mistral/ministral-8b-latest': { inputPerMillion: 0.1, outputPerMillion: 0.1 },
};

export interface UsageRecord {
  provider: string;
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  /** Answered from the cache: counted in `cachedCalls`, costs nothing. */
  cached?: boolean;
  /** Price for this model, overriding the meter's table (set by providers created with `prices`). */
  price?: ModelPrice | null;
}

export interface ModelUsage {
  calls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** USD; null when the model has no price in the table. */
  costEstimate: number | null;
}

export interface UsageReport {
  /** Calls that reached the provider (cached answers excluded). */
  calls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** USD, summed over priced models only: see `unpricedModels`. */
  costEstimate: number;
  currency: 'USD';
  /** `provider/model` keys used but absent from the price table (their cost is not in `costEstimate`). */
  unpricedModels: string[];
  /** Keyed by `provider/model`, sorted. */
  byModel: Record<string, ModelUsage>;
}

/** Accumulates token usage and cost for one run. Pass it in settings or context; there is no global meter. */
export interface UsageMeter {
  record(record: UsageRecord): void;
  report(): UsageReport;
}

export function findPrice(prices: PriceTable, provider: string, modelId: string): ModelPrice | null {
  return prices[`${provider}/${modelId}`] ?? prices[`${provider}/*`] ?? null;
}

/** A usage meter. `prices` are merged over `DEFAULT_PRICES`. */
export function createUsageMeter(options: { prices?: PriceTable } = {}): UsageMeter {
  const prices: PriceTable = { ...DEFAULT_PRICES, ...options.prices };
  const totals = new Map<
    string,
    { provider: string; modelId: string; usage: ModelUsage; price: ModelPrice | null }
  >();
  return {
    record(record) {
      const key = `${record.provider}/${record.modelId}`;
      let entry = totals.get(key);
      if (!entry) {
        entry = {
          provider: record.provider,
          modelId: record.modelId,
          usage: { calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, costEstimate: 0 },
          price: null,
        };
        totals.set(key, entry);
      }
      if (record.price) entry.price = record.price;
      if (record.cached) {
        entry.usage.cachedCalls++;
        return;
      }
      entry.usage.calls++;
      entry.usage.inputTokens += record.inputTokens;
      entry.usage.outputTokens += record.outputTokens;
    },
    report() {
      const report: UsageReport = {
        calls: 0,
        cachedCalls: 0,
        inputTokens: 0,
        outputTokens: 0,
        costEstimate: 0,
        currency: 'USD',
        unpricedModels: [],
        byModel: {},
      };
      for (const key of [...totals.keys()].sort()) {
        const { provider, modelId, usage, price: override } = totals.get(key)!;
        const price = override ?? findPrice(prices, provider, modelId);
        const costEstimate = price
          ? (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1e6
          : null;
        report.byModel[key] = { ...usage, costEstimate };
        report.calls += usage.calls;
        report.cachedCalls += usage.cachedCalls;
        report.inputTokens += usage.inputTokens;
        report.outputTokens += usage.outputTokens;
        if (costEstimate === null) report.unpricedModels.push(key);
        else report.costEstimate += costEstimate;
      }
      return report;
    },
  };
}

/** Failed calls that still consumed tokens (e.g. an answer that failed its schema) carry their usage. */
export function usageOfError(error: unknown): Usage | null {
  if (typeof error === 'object' && error !== null && 'usage' in error) {
    const usage = (error as { usage: unknown }).usage;
    if (typeof usage === 'object' && usage !== null && 'inputTokens' in usage) return usage as Usage;
  }
  return null;
}

/** Options of the usage middleware. */
export interface UsageMiddlewareOptions {
  /** Prices that override the meter's table for this model (`provider/model` or `provider/*` keys). */
  prices?: PriceTable;
}

function priceFor(model: { provider: string; modelId: string }, options: UsageMiddlewareOptions) {
  return options.prices ? findPrice(options.prices, model.provider, model.modelId) : null;
}

/** Records every `embed` call (one per provider request when placed under batching) in `meter`. */
export function withEmbeddingUsage(
  model: EmbeddingModel,
  meter: UsageMeter,
  options: UsageMiddlewareOptions = {},
): EmbeddingModel {
  const price = priceFor(model, options);
  return {
    ...pickEmbeddingIdentity(model),
    async embed(request) {
      const result = await model.embed(request);
      meter.record({ provider: model.provider, modelId: model.modelId, ...result.usage, price });
      return result;
    },
  };
}

/** Records every chat call, including answers that failed validation but were billed. */
export function withChatUsage(
  model: ChatModel,
  meter: UsageMeter,
  options: UsageMiddlewareOptions = {},
): ChatModel {
  const price = priceFor(model, options);
  const record = (usage: Usage) =>
    meter.record({ provider: model.provider, modelId: model.modelId, ...usage, price });
  async function measured<T extends { usage: Usage }>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      record(result.usage);
      return result;
    } catch (error) {
      const usage = usageOfError(error);
      if (usage) record(usage);
      throw error;
    }
  }
  return {
    specificationVersion: 'v1',
    provider: model.provider,
    modelId: model.modelId,
    generateObject: (request) => measured(() => model.generateObject(request)),
    generateText: (request) => measured(() => model.generateText(request)),
  };
}

function pickEmbeddingIdentity(model: EmbeddingModel) {
  return {
    specificationVersion: 'v1' as const,
    provider: model.provider,
    modelId: model.modelId,
    dimensions: model.dimensions,
    maxInputsPerCall: model.maxInputsPerCall,
  };
}
