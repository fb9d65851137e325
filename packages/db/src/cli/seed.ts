// `pnpm --filter @switchyard/db seed`: upserts the public model catalog.
import { createDb } from "../client.ts";
import { seedCatalog } from "../seed/index.ts";
import { cliEnv } from "./env.ts";

const handle = createDb(cliEnv.DATABASE_URL, { max: 1 });
const counts = await seedCatalog(handle.db);
await handle.close();
process.stdout.write(
  `seeded ${counts.models} models, ${counts.providers} providers, ${counts.endpoints} endpoints\n`,
);
