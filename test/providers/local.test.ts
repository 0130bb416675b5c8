import { createLocal } from '../../src/providers/local/create-local.js';
import { describeProviderConformance } from './embedding-conformance.js';

describeProviderConformance({
  name: 'local',
  expectedDimensions: 1024,
  hasChat: false,
  createProvider: ({ usage }) => createLocal({ usage }),
});
