import type { Db, Sql } from '../plugins/database.ts';
import { DEMO_EMAIL, DEMO_PASSWORD } from './demo-org.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * `npm start` on an empty database (no organization at all) seeds the demo organization, so the
 * first page a newcomer sees has data; `TILTMETER_DEMO=off` skips it. A failure is logged and the
 * server starts anyway: the demo is a convenience, not a dependency.
 */
export async function seedDemoOnFirstStart(
  clients: { db: Db; sql: Sql },
  mode: 'auto' | 'off',
  log: (message: string) => void,
): Promise<boolean> {
  if (mode === 'off') return false;
  if ((await clients.db.organization.count()) > 0) return false;
  log('No organizations yet: seeding the demo organization (set TILTMETER_DEMO=off to skip)');
  try {
    await seedDemo(clients, { log });
    log(`Demo ready: sign in as ${DEMO_EMAIL} with the password ${DEMO_PASSWORD}`);
    return true;
  } catch (error) {
    log(
      `Seeding the demo organization failed, starting without it: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}
