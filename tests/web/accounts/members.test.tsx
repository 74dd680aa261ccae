import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Invitation, Member } from '@tiltmeter/shared/accounts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { describedText, input } from './helpers.ts';
import { apiError, MEMBER_ID, signedInMe, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ADA: Member = {
  id: MEMBER_ID,
  userId: 'user-ada',
  name: 'Ada Lovelace',
  email: 'ada@example.test',
  displayName: 'Ada Lovelace',
  role: 'admin',
  createdAt: '2026-01-05T09:00:00.000Z',
};
const GRACE: Member = {
  id: 'member-grace',
  userId: 'user-grace',
  name: 'Grace Hopper',
  email: 'grace@example.test',
  displayName: 'Grace',
  role: 'member',
  createdAt: '2026-02-05T09:00:00.000Z',
};

function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'inv-1',
    email: 'charles@example.test',
    role: 'member',
    teamId: null,
    status: 'pending',
    expiresAt: '2099-01-01T00:00:00.000Z',
    invitedBy: { userId: 'user-ada', name: 'Ada Lovelace' },
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

describe('members and invitations', () => {
  it('checks the invited address, sends the invitation, and shows its link to pass on', async () => {
    const invitations: Invitation[] = [];
    const api = stubApi(
      {
        'GET /api/v1/members': () => ({ body: { items: [ADA, GRACE] } }),
        'GET /api/v1/invitations': () => ({ body: { items: invitations } }),
        'POST /api/v1/invitations': (call) => {
          const created = invitation({ id: 'inv-2', ...(call.body as { email: string; role: 'manager' }) });
          invitations.push(created);
          return { status: 201, body: created };
        },
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/members');
    await screen.findByRole('heading', { level: 1, name: 'Members' });
    const form = screen.getByRole('form', { name: 'Invite someone' });

    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    await waitFor(() =>
      expect(describedText(input('Email'))).toBe('Enter an email address, like name@example.com.'),
    );
    expect(api.callsTo('POST', '/api/v1/invitations')).toEqual([]);

    fireEvent.change(input('Email'), { target: { value: 'charles@example.test' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'manager' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to charles@example.test')).toBeDefined();
    expect(screen.getByTestId('invitation-link').textContent).toBe(
      `${window.location.origin}/invitations/inv-2`,
    );
    expect(api.callsTo('POST', '/api/v1/invitations')[0]?.body).toEqual({
      email: 'charles@example.test',
      role: 'manager',
    });
    // The pending list refreshes and offers the link again.
    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(within(pending).getByText('charles@example.test')).toBeDefined();
    expect(
      within(pending).getByRole('button', { name: 'Copy the invitation link for charles@example.test' }),
    ).toBeDefined();
  });

  it("shows the server's refusal to demote the last admin", async () => {
    stubApi(
      {
        'GET /api/v1/members': () => ({ body: { items: [ADA, GRACE] } }),
        'GET /api/v1/invitations': () => ({ body: { items: [] } }),
        [`PATCH /api/v1/members/${MEMBER_ID}`]: () =>
          apiError(409, 'conflict', 'The organization needs at least one admin'),
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/members');
    const select = await screen.findByLabelText('Role of Ada Lovelace');

    fireEvent.change(select, { target: { value: 'member' } });

    expect(await screen.findByText('The organization needs at least one admin')).toBeDefined();
    expect(screen.getByText("Could not change Ada Lovelace's role")).toBeDefined();
  });

  it('removes a member only after a confirmation that says what is lost', async () => {
    const api = stubApi(
      {
        'GET /api/v1/members': () => ({ body: { items: [ADA, GRACE] } }),
        'GET /api/v1/invitations': () => ({ body: { items: [] } }),
        'DELETE /api/v1/members/member-grace': () => ({ status: 204 }),
      },
      { me: signedInMe('admin') },
    );
    renderApp('/settings/members');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Grace' }));

    const dialog = await screen.findByRole('dialog', { name: 'Remove Grace?' });
    expect(dialog.textContent).toContain('cannot be undone');
    expect(api.callsTo('DELETE', '/api/v1/members/member-grace')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove member' }));

    await waitFor(() => expect(api.callsTo('DELETE', '/api/v1/members/member-grace')).toHaveLength(1));
    expect(await screen.findByText('Grace was removed')).toBeDefined();
  });

  it('shows members a read-only list, without invitations', async () => {
    const api = stubApi(
      { 'GET /api/v1/members': () => ({ body: { items: [ADA, GRACE] } }) },
      { me: signedInMe('member') },
    );
    renderApp('/settings/members');
    const table = await screen.findByRole('table', { name: 'Members' });

    expect(within(table).getByText('Grace')).toBeDefined();
    expect(screen.queryByRole('form', { name: 'Invite someone' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(api.callsTo('GET', '/api/v1/invitations')).toEqual([]);
  });
});
