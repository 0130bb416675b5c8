import { localRegistration } from './local/create-local.js';
import { mistralRegistration } from './mistral/create-mistral.js';
import { openAIRegistration } from './openai/create-openai.js';
import { openAICompatibleRegistration } from './openai-compatible/create-openai-compatible.js';
import type { ProviderRegistration } from './registration.js';

/**
 * Every provider the CLI offers, in help order (the first is the default). Adding a provider is its
 * folder plus one line here: the CLI reads names, key and base URL variables and default models from it.
 */
export const providerRegistry: readonly ProviderRegistration[] = [
  localRegistration,
  mistralRegistration,
  openAIRegistration,
  openAICompatibleRegistration,
];

/** The registration named `name`, or undefined. */
export function findProvider(name: string): ProviderRegistration | undefined {
  return providerRegistry.find((registration) => registration.name === name);
}
