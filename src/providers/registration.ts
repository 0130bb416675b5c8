import type { RemoteProviderDefinition } from './remote/create-remote-provider.js';
import type { RemoteProviderSettings } from './settings.js';
import type { Provider } from './spec.js';

/**
 * What the registry knows about a provider: enough for the CLI (and any other front end) to offer it,
 * check its configuration and create it, without naming it in code.
 */
export interface ProviderRegistration {
  /** `--provider <name>`, `CVMATCH_PROVIDER`. */
  readonly name: string;
  /** One line for the help. */
  readonly description: string;
  /** Env variable holding the API key; null for a provider that calls no server. */
  readonly keyVariable: string | null;
  /** Whether a call without a key is refused (a local OpenAI-compatible server needs none). */
  readonly requiresKey: boolean;
  /** Env variable holding the base URL; null for a provider that calls no server. */
  readonly baseURLVariable: string | null;
  /** Whether there is no default endpoint (the base URL must be given). */
  readonly requiresBaseURL: boolean;
  /** Model ids used when none is given; null: the caller must name one (or, for chat, there is none). */
  readonly defaults: { readonly embeddingModelId: string | null; readonly chatModelId: string | null };
  /** Whether the provider has chat models at all. */
  readonly hasChat: boolean;
  /** The provider, from the settings common to every provider (each ignores what it does not use). */
  create(settings: RemoteProviderSettings): Provider;
}

/** The registration of a remote provider, read from its definition (key, base URL, default models). */
export function remoteRegistration(
  definition: RemoteProviderDefinition<string, unknown>,
  options: {
    description: string;
    create(settings: RemoteProviderSettings): Provider;
    baseURLVariable?: string;
  },
): ProviderRegistration {
  const baseURLVariable = options.baseURLVariable ?? definition.baseURLVariable;
  return {
    name: definition.name,
    description: options.description,
    keyVariable: definition.keyVariable,
    requiresKey: definition.requiresKey !== false,
    baseURLVariable,
    requiresBaseURL: definition.baseURLVariable === null,
    defaults: {
      embeddingModelId: definition.defaults.embeddingModelId ?? null,
      chatModelId: definition.defaults.chatModelId ?? null,
    },
    hasChat: true,
    create: options.create,
  };
}
