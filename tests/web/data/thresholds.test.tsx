import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  DEFAULT_THRESHOLDS,
  ROLE_PROFILE_TARGETS,
  THRESHOLD_KEYS,
  THRESHOLD_ORIGINS,
  type ThresholdKey,
  type ThresholdSource,
  type Thresholds,
} from '@tiltmeter/shared/metrics';
import { THRESHOLD_DEFAULTS, type ThresholdSettingsResponse } from '@tiltmeter/shared/thresholds-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { PAGE_LOAD, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The organization made heavy meeting days 4 h; the member set their own target of 60 %. */
function settings(): ThresholdSettingsResponse {
  const values: Thresholds = {
    ...DEFAULT_THRESHOLDS,
    ...ROLE_PROFILE_TARGETS.hybrid,
    heavyMeetingDayMinutes: 240,
    targetMakerShare: 0.6,
  };
  const sources = Object.fromEntries(
    THRESHOLD_KEYS.map((key): [ThresholdKey, ThresholdSource] => {
      const layer =
        key === 'heavyMeetingDayMinutes' ? 'org' : key === 'targetMakerShare' ? 'member' : 'default';
      const profile = key === 'minDeepBlocksPerWeek' ? 'hybrid' : null;
      return [key, { layer, profile, origin: THRESHOLD_ORIGINS[key] }];
    }),
  ) as Record<ThresholdKey, ThresholdSource>;
  return {
    defaults: THRESHOLD_DEFAULTS,
    organization: { heavyMeetingDayMinutes: 240 },
    teams: [],
    me: { overrides: { targetMakerShare: 0.6 }, resolved: { profile: 'hybrid', values, sources } },
  };
}

const row = (key: string) => document.querySelector(`tr[data-threshold="${key}"]`) as HTMLElement;

// Pages load as lazy chunks and poll their data: generous limits keep a loaded machine from failing them.
describe('thresholds', { timeout: 30_000 }, () => {
  it('shows every value for me, where it was set and where it comes from', async () => {
    stubApi({ 'GET /api/v1/thresholds': () => ({ body: settings() }) }, { role: 'member' });
    renderApp('/settings/thresholds');

    expect(
      await screen.findByText('There is no published “healthy” maker/manager ratio', {}, PAGE_LOAD),
    ).toBeDefined();
    expect(document.querySelectorAll('tr[data-threshold]')).toHaveLength(THRESHOLD_KEYS.length);
    expect(within(row('heavyMeetingDayMinutes')).getByText('4 h')).toBeDefined();
    expect(within(row('heavyMeetingDayMinutes')).getByText('Organization')).toBeDefined();
    expect(row('heavyMeetingDayMinutes').textContent).toContain(
      '"spending 5 hours on meetings, it\'s easy, but exhausting"',
    );
    expect(within(row('targetMakerShare')).getByText('60 %')).toBeDefined();
    expect(within(row('targetMakerShare')).getByText('You')).toBeDefined();
    expect(within(row('minDeepBlocksPerWeek')).getByText('2 blocks a week')).toBeDefined();
    expect(within(row('minDeepBlocksPerWeek')).getByText('Hybrid profile')).toBeDefined();
    expect(within(row('burnoutWeeks')).getByText('26 weeks')).toBeDefined();
    // A member edits only their own thresholds: no tabs for the organization.
    expect(screen.queryByRole('tab', { name: 'Organization' })).toBeNull();
  });

  it('checks values with the shared schema and shows the server’s errors beside their fields', async () => {
    const api = stubApi(
      {
        'GET /api/v1/thresholds': () => ({ body: settings() }),
        'PUT /api/v1/thresholds/me': () => ({
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'Invalid body.sustainedTiltWeeks: sustainedTiltWeeks cannot exceed burnoutWeeks',
              issues: [
                {
                  path: ['body', 'sustainedTiltWeeks'],
                  message: 'sustainedTiltWeeks cannot exceed burnoutWeeks',
                },
              ],
            },
          },
        }),
      },
      { role: 'member' },
    );
    renderApp('/settings/thresholds');

    const target = (await screen.findByRole(
      'textbox',
      { name: 'Target maker share' },
      PAGE_LOAD,
    )) as HTMLInputElement;
    expect(target.value).toBe('60');
    fireEvent.change(target, { target: { value: '140' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save your thresholds' }));
    expect(await screen.findByText('Enter a number from 0 to 100 %.', {}, PAGE_LOAD)).toBeDefined();
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('PUT', '/api/v1/thresholds/me')).toHaveLength(0);

    fireEvent.change(target, { target: { value: '65' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Sustained tilt' }), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save your thresholds' }));

    await waitFor(() => expect(api.callsTo('PUT', '/api/v1/thresholds/me')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/v1/thresholds/me')[0]?.body).toEqual({
      targetMakerShare: 0.65,
      sustainedTiltWeeks: 30,
    });
    expect(
      await screen.findByText('“Sustained tilt” cannot exceed “Burnout pattern”.', {}, PAGE_LOAD),
    ).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'Sustained tilt' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('lets admins edit the organization’s targets per role profile', async () => {
    const api = stubApi({
      'GET /api/v1/thresholds': () => ({ body: settings() }),
      'PUT /api/v1/thresholds/organization': (call) => ({
        body: { ...settings(), organization: call.body as ThresholdSettingsResponse['organization'] },
      }),
    });
    renderApp('/settings/thresholds');

    fireEvent.click(await screen.findByRole('tab', { name: 'Organization' }, PAGE_LOAD));
    const makerTargets = screen.getByRole('group', { name: 'Maker' });
    fireEvent.change(within(makerTargets).getByRole('textbox', { name: 'Target maker share' }), {
      target: { value: '65' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save organization thresholds' }));

    await waitFor(() => expect(api.callsTo('PUT', '/api/v1/thresholds/organization')).toHaveLength(1));
    // The organization's existing override is kept; the new profile target is added.
    expect(api.callsTo('PUT', '/api/v1/thresholds/organization')[0]?.body).toEqual({
      heavyMeetingDayMinutes: 240,
      profiles: { maker: { targetMakerShare: 0.65 } },
    });
    expect(
      await screen.findByText('Saved. Signals use the new values from now on.', {}, PAGE_LOAD),
    ).toBeDefined();
  });
});
