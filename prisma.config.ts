import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's CLI normally downloads a native schema-engine binary from Prisma's servers, which fails
// offline and in air-gapped installs. prisma/engine/schema-engine.mjs stands in for it (the same
// engine compiled to WebAssembly, from npm). The CLI loads this file before it looks for engines,
// so setting the variable here makes every `prisma` command use the bridge without user action;
// an explicitly set PRISMA_SCHEMA_ENGINE_BINARY still wins. See prisma/engine/README.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./prisma/engine/schema-engine.mjs', import.meta.url),
);

// Every CLI command also starts a background update check / usage ping (checkpoint.prisma.io).
// This project runs offline (air-gapped installs included), so it is off unless set explicitly.
process.env.CHECKPOINT_DISABLE ??= '1';

// Default: the embedded development database the server starts (see server/src).
const DEFAULT_DATABASE_URL = 'postgresql://tiltmeter:tiltmeter@127.0.0.1:54329/tiltmeter';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    // Optional: a dedicated shadow database for `migrate dev`. Without it the engine creates and
    // drops a temporary database, which needs the CREATEDB privilege.
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
