import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { input } from './helpers.ts';
import { apiError, meWithoutOrganization, signedInMe, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const INVITATION = '01a2-invitation';

describe('accepting an invitation', () => {
  it('signs a new person up with the invitation (no organization of their own) and joins at once', async () => {
    const api = stubApi({
      'POST /api/auth/sign-up/email': () => {
        api.signIn(meWithoutOrganization());
        return {
          body: {
            user: { id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.test', emailVerified: false },
          },
        };
      },
      [`POST /api/v1/invitations/${INVITATION}/accept`]: () => {
        const me = signedInMe('member');
        api.signIn(me);
        return { body: me };
      },
    });
    const { router } = renderApp(`/invitations/${INVITATION}`);
    await screen.findByRole('heading', { level: 1, name: 'Join your team on Tiltmeter' });

    expect(screen.queryByLabelText('Organization name')).toBeNull();
    fireEvent.change(input('Your name'), { target: { value: 'Ada Lovelace' } });
    fireEvent.change(input('Work email'), { target: { value: 'ada@example.test' } });
    fireEvent.change(input('Password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account and join' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/week'));
    expect(api.callsTo('POST', '/api/auth/sign-up/email')[0]?.body).toMatchObject({
      email: 'ada@example.test',
      invitationId: INVITATION,
    });
    expect(api.callsTo('POST', '/api/auth/sign-up/email')[0]?.body).not.toHaveProperty('organizationName');
    expect(api.callsTo('POST', `/api/v1/invitations/${INVITATION}/accept`)).toHaveLength(1);
  });

  it('lets someone with an account sign in instead, then joins', async () => {
    const api = stubApi({
      'POST /api/auth/sign-in/email': () => {
        api.signIn(signedInMe());
        return {
          body: {
            user: { id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.test', emailVerified: true },
          },
        };
      },
      [`POST /api/v1/invitations/${INVITATION}/accept`]: () => ({ body: signedInMe() }),
    });
    const { router } = renderApp(`/invitations/${INVITATION}`);
    await screen.findByRole('heading', { level: 1, name: 'Join your team on Tiltmeter' });

    fireEvent.click(screen.getByRole('button', { name: 'Sign in to accept' }));
    fireEvent.change(input('Email'), { target: { value: 'ada@example.test' } });
    fireEvent.change(input('Password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in and join' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/week'));
    expect(api.callsTo('POST', `/api/v1/invitations/${INVITATION}/accept`)).toHaveLength(1);
  });

  it('tells someone signed in as another account, and lets them switch accounts', async () => {
    const api = stubApi(
      {
        [`POST /api/v1/invitations/${INVITATION}/accept`]: () =>
          apiError(
            404,
            'not_found',
            'Invitation not found (it may have been canceled, or is for another email)',
          ),
      },
      { me: signedInMe() },
    );
    renderApp(`/invitations/${INVITATION}`);
    expect(await screen.findByText('Signed in as')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Accept your invitation');

    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This invitation is not for this account');
    expect(alert.textContent).toContain('ada@example.test');
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out and use another account' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join your team on Tiltmeter' }),
    ).toBeDefined();
    expect(screen.getByRole('button', { name: 'Sign in and join' })).toBeDefined();
    expect(api.callsTo('POST', '/api/auth/sign-out')).toHaveLength(1);
  });
});
