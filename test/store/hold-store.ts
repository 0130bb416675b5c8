/** Test helper process: opens an embedded store folder, says `open`, then waits to be killed. */
import { openStore } from '../../src/store/index.js';

const store = await openStore(process.argv[2], { env: {} });
process.stdout.write(`open ${store.location}\n`);
setInterval(() => {}, 60_000);
