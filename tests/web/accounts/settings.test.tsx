import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Team } from '@tiltmeter/shared/teams';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { describedText, input } from './helpers.ts';
import { MEMBER_ID, ORGANIZATION, SETTINGS, signedInMe, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('settings navigation', () => {
  it('opens Profile for /settings and lists every section for an admin', async () => {
    stubApi({}, { me: signedInMe('admin') });
    const { router } = renderApp('/settings');

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/settings/profile');
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([
      '/settings/profile',
      '/settings/tokens',
      '/settings/members',
      '/settings/teams',
      '/settings/organization',
      '/settings/audit',
      '/settings/imports',
      '/settings/rules',
      '/settings/thresholds',
    ]);
    expect(within(nav).getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBe('page');
  });

  it('leaves out admin sections and Org patterns for a member, and says so if one is opened', async () => {
    stubApi({}, { me: signedInMe('member') });
    renderApp('/settings/audit');

    expect(await screen.findByRole('heading', { name: 'For admins only' })).toBeDefined();
    const nav = screen.getByRole('navigation', { name: 'Settings' });
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Organization' })).toBeNull();
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(within(main).queryByRole('link', { name: 'Org' })).toBeNull();
    expect(within(main).getByRole('link', { name: 'Team' })).toBeDefined();
  });

  it('shows Org patterns to managers', async () => {
    stubApi({}, { me: signedInMe('manager') });
    renderApp('/settings/profile');
    const main = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(main).getByRole('link', { name: 'Org' })).toBeDefined();
  });
});

describe('organization switcher', () => {
  it('opens from the keyboard and switches, refetching as the new organization', async () => {
    const other = {
      id: 'org-2',
      name: 'Difference Engines',
      slug: 'difference',
      role: 'member' as const,
      current: false,
    };
    const api = stubApi(
      {
        'GET /api/v1/organizations': () => ({
          body: {
            items: [
              {
                id: 'org-1',
                name: 'Analytical Engines',
                slug: 'analytical-engines',
                role: 'admin',
                current: true,
              },
              other,
            ],
          },
        }),
        'POST /api/v1/organizations/switch': () => {
          const me = signedInMe('member', {
            organization: {
              ...ORGANIZATION,
              id: 'org-2',
              name: 'Difference Engines',
              slug: 'difference',
            },
          });
          api.signIn(me);
          return { body: me };
        },
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/profile');
    const button = await screen.findByRole('button', { name: /Organization: Analytical Engines/ });
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/organizations').length).toBeGreaterThan(0));

    fireEvent.keyDown(button, { key: 'Enter' });
    const menu = await screen.findByRole('menu');
    const current = within(menu).getByRole('menuitemradio', { name: /Analytical Engines/ });
    expect(current.getAttribute('aria-checked')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(current));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    const target = within(menu).getByRole('menuitemradio', { name: /Difference Engines/ });
    expect(document.activeElement).toBe(target);
    fireEvent.click(target);

    expect(await screen.findByRole('button', { name: /Organization: Difference Engines/ })).toBeDefined();
    expect(api.callsTo('POST', '/api/v1/organizations/switch')[0]?.body).toEqual({ organizationId: 'org-2' });
    expect(await screen.findByText('Switched to Difference Engines')).toBeDefined();
    // A member of the new organization: the admin-only sections are gone.
    expect(
      within(screen.getByRole('navigation', { name: 'Settings' })).queryByRole('link', { name: 'Audit log' }),
    ).toBeNull();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    stubApi({}, { me: signedInMe('admin') });
    renderApp('/settings/profile');
    const button = await screen.findByRole('button', { name: /Organization: Analytical Engines/ });

    fireEvent.click(button);
    const menu = await screen.findByRole('menu');
    fireEvent.keyDown(menu, { key: 'Escape' });

    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('profile', () => {
  it('saves the display name, time zone chosen by search, and calendar addresses', async () => {
    const api = stubApi(
      {
        'PATCH /api/v1/me/settings': (call) => ({
          body: { ...SETTINGS, ...(call.body as object) },
        }),
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/profile');
    const form = await screen.findByRole('form', { name: 'Profile' });
    const save = screen.getByRole('button', { name: 'Save profile' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.change(input('Display name (optional)'), { target: { value: 'Countess' } });
    const zone = within(form).getByRole('combobox', { name: 'Time zone' });
    expect((zone as HTMLInputElement).value).toBe('Europe/London');
    fireEvent.focus(zone);
    fireEvent.change(zone, { target: { value: 'berlin' } });
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('Europe/Berlin')]);
    fireEvent.keyDown(zone, { key: 'Enter' });
    expect((zone as HTMLInputElement).value).toBe('Europe/Berlin');
    expect(screen.getByRole('listbox', { hidden: true }).hidden).toBe(true);

    const emails = input('Calendar email addresses (optional)');
    fireEvent.change(emails, { target: { value: 'not an email' } });
    fireEvent.keyDown(emails, { key: 'Enter' });
    expect(describedText(emails)).toContain('Enter an email address, like name@example.com.');
    fireEvent.change(emails, { target: { value: 'Ada@Home.example' } });
    fireEvent.keyDown(emails, { key: 'Enter' });
    expect(
      within(screen.getByRole('list', { name: 'Calendar addresses' })).getByText('ada@home.example'),
    ).toBeDefined();

    fireEvent.click(save);
    await waitFor(() => expect(api.callsTo('PATCH', '/api/v1/me/settings')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/v1/me/settings')[0]?.body).toEqual({
      displayName: 'Countess',
      timeZone: 'Europe/Berlin',
      calendarEmails: ['ada@home.example'],
    });
    expect(await screen.findByText('Profile saved')).toBeDefined();
  });

  it('points at the working-hours range that ends before it starts, without saving', async () => {
    const api = stubApi({}, { me: signedInMe('admin') });
    renderApp('/settings/profile');
    await screen.findByRole('form', { name: 'Working hours' });

    const end = screen.getByLabelText('Tuesday: end');
    fireEvent.change(end, { target: { value: '8' } });
    fireEvent.blur(end);
    expect((end as HTMLInputElement).value).toBe('08:00');
    fireEvent.click(screen.getByRole('button', { name: 'Save working hours' }));

    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('End must be after start.')).toBeDefined();
    expect(api.callsTo('PATCH', '/api/v1/me/settings')).toEqual([]);
  });

  it('turns sharing on at once, explaining what leads will and will never see', async () => {
    const api = stubApi(
      {
        'PATCH /api/v1/me/settings': (call) => ({
          body: {
            ...SETTINGS,
            ...(call.body as object),
            shareChangedAt: '2026-03-01T09:00:00.000Z',
          },
        }),
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/profile');
    const toggle = await screen.findByRole('switch', {
      name: 'Share my individual numbers with the leads of my teams',
    });
    expect(screen.getByText(/Your entries, their titles and the reasons/)).toBeDefined();
    expect(toggle.getAttribute('aria-checked')).toBe('false');

    fireEvent.click(toggle);

    await waitFor(() =>
      expect(api.callsTo('PATCH', '/api/v1/me/settings')[0]?.body).toEqual({ shareWithTeamLeads: true }),
    );
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
  });
});

describe('organization settings', () => {
  it('refuses a minimum group size below the privacy floor of 5', async () => {
    const api = stubApi({}, { me: signedInMe('admin') });
    renderApp('/settings/organization');
    await screen.findByRole('form', { name: 'Organization settings' });

    fireEvent.change(input(/Minimum group size/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(describedText(input(/Minimum group size/))).toContain('Must be at least 5.'));
    expect(api.callsTo('PATCH', '/api/v1/organizations/current')).toEqual([]);
  });
});

describe('API tokens', () => {
  it('shows a new token once, with a warning, and revokes after confirming', async () => {
    const token = {
      id: 'tok-1',
      name: 'CI export',
      prefix: 'tm_ab12',
      lastUsedAt: null,
      createdAt: '2026-03-01T09:00:00.000Z',
    };
    let tokens: (typeof token)[] = [];
    const api = stubApi(
      {
        'GET /api/v1/tokens': () => ({ body: { items: tokens } }),
        'POST /api/v1/tokens': () => {
          tokens = [token];
          return { status: 201, body: { token, secret: 'tm_ab12_secret-value' } };
        },
        'DELETE /api/v1/tokens/tok-1': () => {
          tokens = [];
          return { status: 204 };
        },
      },
      { me: signedInMe('member') },
    );
    renderApp('/settings/tokens');
    expect(await screen.findByText(/No tokens yet/)).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    await waitFor(() => expect(describedText(input('Token name'))).toContain('Required.'));

    fireEvent.change(input('Token name'), { target: { value: 'CI export' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Token “CI export” created' });
    expect((within(dialog).getByLabelText('Your new API token') as HTMLInputElement).value).toBe(
      'tm_ab12_secret-value',
    );
    expect(dialog.textContent).toContain('This is the only time the token is shown');
    fireEvent.click(within(dialog).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByText('tm_ab12_secret-value')).toBeNull());

    const table = await screen.findByRole('table', { name: 'Your API tokens' });
    expect(within(table).getByText('tm_ab12…')).toBeDefined();
    expect(within(table).getByText('Never')).toBeDefined();
    fireEvent.click(within(table).getByRole('button', { name: 'Revoke CI export' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke “CI export”?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke token' }));

    await waitFor(() => expect(api.callsTo('DELETE', '/api/v1/tokens/tok-1')).toHaveLength(1));
    expect(await screen.findByText(/No tokens yet/)).toBeDefined();
  });
});

describe('teams', () => {
  const platform: Team = {
    id: 'team-1',
    name: 'Platform',
    visibility: 'private',
    sprintDays: 14,
    archivedAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    members: [{ memberId: MEMBER_ID, displayName: 'Ada Lovelace', isLead: false }],
  };

  it('creates a team with the visibility explained, after checking its name', async () => {
    const api = stubApi(
      {
        'POST /api/v1/teams': (call) => ({
          status: 201,
          body: { ...platform, ...(call.body as object), members: [] },
        }),
      },
      { me: signedInMe('manager') },
    );
    renderApp('/settings/teams');
    expect(await screen.findByRole('heading', { name: 'No teams yet' })).toBeDefined();

    fireEvent.click(screen.getAllByRole('button', { name: 'New team' })[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'New team' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(describedText(within(dialog).getByLabelText('Team name'))).toBe('Required.'));

    fireEvent.change(within(dialog).getByLabelText('Team name'), { target: { value: 'Platform' } });
    const open = within(dialog).getByRole('radio', { name: 'Open' });
    expect(describedText(open)).toContain("see each other's individual numbers");
    fireEvent.click(open);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create team' }));

    await waitFor(() =>
      expect(api.callsTo('POST', '/api/v1/teams')[0]?.body).toEqual({
        name: 'Platform',
        visibility: 'open',
        sprintDays: 14,
      }),
    );
    expect(await screen.findByText('Team Platform created')).toBeDefined();
  });

  it('makes a member a lead with the switch beside their name', async () => {
    const api = stubApi(
      {
        'GET /api/v1/teams': () => ({ body: { items: [platform] } }),
        [`PUT /api/v1/teams/team-1/members/${MEMBER_ID}`]: (call) => ({
          body: { ...platform, members: [{ ...platform.members[0], ...(call.body as object) }] },
        }),
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/teams');

    fireEvent.click(await screen.findByRole('switch', { name: 'Ada Lovelace leads Platform' }));

    await waitFor(() =>
      expect(api.callsTo('PUT', `/api/v1/teams/team-1/members/${MEMBER_ID}`)[0]?.body).toEqual({
        isLead: true,
      }),
    );
  });

  it('shows members the teams without the controls to change them', async () => {
    stubApi({ 'GET /api/v1/teams': () => ({ body: { items: [platform] } }) }, { me: signedInMe('member') });
    renderApp('/settings/teams');

    expect(await screen.findByRole('list', { name: 'Members of Platform' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive Platform' })).toBeNull();
  });
});
