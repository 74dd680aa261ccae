import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config.ts';
import { DEMO_ORGANIZATION_NAME } from '../../../server/src/demo/demo-org.ts';
import { seedDemoOnFirstStart } from '../../../server/src/demo/first-start.ts';
import { createMemberWithToken } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/test-app.ts';

describe('npm start on an empty database', () => {
  const { app } = useTestApp();
  const clients = () => ({ db: app().db, sql: app().sql });

  it('reads TILTMETER_DEMO: auto unless off', () => {
    expect(loadConfig({}).demo).toBe('auto');
    expect(loadConfig({ TILTMETER_DEMO: 'off' }).demo).toBe('off');
    expect(() => loadConfig({ TILTMETER_DEMO: 'maybe' })).toThrow(/TILTMETER_DEMO/);
  });

  it('seeds the demo organization when there is no organization at all, and says how to sign in', async () => {
    const lines: string[] = [];
    expect(await seedDemoOnFirstStart(clients(), 'auto', (line) => lines.push(line))).toBe(true);
    expect(lines[0]).toBe(
      'No organizations yet: seeding the demo organization (set TILTMETER_DEMO=off to skip)',
    );
    expect(lines.at(-1)).toBe('Demo ready: sign in as demo@tiltmeter.dev with the password tiltmeter-demo');
    const organizations = await app().db.organization.findMany({ select: { name: true } });
    expect(organizations).toEqual([{ name: DEMO_ORGANIZATION_NAME }]);
    expect(await app().db.entry.count()).toBeGreaterThan(20_000);
  }, 120_000);

  it('leaves a database with an organization alone, and seeds nothing when TILTMETER_DEMO=off', async () => {
    const lines: string[] = [];
    expect(await seedDemoOnFirstStart(clients(), 'off', (line) => lines.push(line))).toBe(false);
    expect(await app().db.organization.count()).toBe(0);
    await createMemberWithToken(app());
    expect(await seedDemoOnFirstStart(clients(), 'auto', (line) => lines.push(line))).toBe(false);
    expect(await app().db.organization.count()).toBe(1);
    expect(lines).toEqual([]);
  });
});
