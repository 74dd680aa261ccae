import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { describedText, input } from './helpers.ts';
import { apiError, meWithoutOrganization, signedInMe, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const field = input;

describe('auth gating', () => {
  it('sends a signed-out visitor of an app page to sign-in, remembering where they were going', async () => {
    stubApi();
    const { router } = renderApp('/settings/teams');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/settings/teams' });
    // The shell is not drawn for signed-out visitors.
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('sends a signed-in visitor of sign-in on to the app', async () => {
    stubApi({}, { me: signedInMe() });
    const { router } = renderApp('/sign-in');

    await waitFor(() => expect(router.state.location.pathname).toBe('/week'));
  });

  it('shows a signed-in user with no organization a clear state instead of the app', async () => {
    stubApi({}, { me: meWithoutOrganization() });
    const { router } = renderApp('/week');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'You are not in an organization yet' }),
    ).toBeDefined();
    expect(router.state.location.pathname).toBe('/no-organization');
    expect(screen.getByText(/Open the link in your invitation email/)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDefined();
  });
});

describe('sign-in form', () => {
  it('validates with the shared schema before sending anything, and puts each message by its field', async () => {
    const api = stubApi();
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' });

    fireEvent.change(field('Email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(field('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(field('Email'))).toBe('Enter an email address, like name@example.com.');
    expect(field('Password').getAttribute('aria-invalid')).toBe('true');
    expect(describedText(field('Password'))).toBe('Required.');
    // Focus moves to the first field to fix.
    expect(document.activeElement).toBe(field('Email'));
    expect(api.callsTo('POST', '/api/auth/sign-in/email')).toEqual([]);
  });

  it("clears a field's message as soon as it is edited", async () => {
    stubApi();
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' });

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(field('Password').getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(field('Password'), { target: { value: 'x' } });

    expect(field('Password').getAttribute('aria-invalid')).toBeNull();
    expect(field('Email').getAttribute('aria-invalid')).toBe('true');
  });

  it("shows the server's message when the credentials are refused", async () => {
    stubApi({
      'POST /api/auth/sign-in/email': () => apiError(401, 'unauthorized', 'Invalid email or password'),
    });
    renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' });

    fireEvent.change(field('Email'), { target: { value: 'ada@example.test' } });
    fireEvent.change(field('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Invalid email or password');
    expect(field('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('signs in and returns to the page the visitor asked for', async () => {
    const api = stubApi({
      'POST /api/auth/sign-in/email': (call) => {
        api.signIn(signedInMe());
        return {
          body: {
            user: {
              id: 'user-ada',
              name: 'Ada',
              email: (call.body as { email: string }).email,
              emailVerified: true,
            },
          },
        };
      },
    });
    const { router } = renderApp('/settings/tokens');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' });

    fireEvent.change(field('Email'), { target: { value: ' ada@example.test' } });
    fireEvent.change(field('Password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByLabelText('Keep me signed in for a week'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/settings/tokens');
    expect(api.callsTo('POST', '/api/auth/sign-in/email')[0]?.body).toEqual({
      email: 'ada@example.test',
      password: 'correct horse battery staple',
      rememberMe: false,
    });
  });

  it('never follows a redirect to another site', async () => {
    const api = stubApi({
      'POST /api/auth/sign-in/email': () => {
        api.signIn(signedInMe());
        return {
          body: { user: { id: 'user-ada', name: 'Ada', email: 'ada@example.test', emailVerified: true } },
        };
      },
    });
    const { router } = renderApp('/sign-in?redirect=%2F%2Fevil.example%2Fphish');
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' });

    fireEvent.change(field('Email'), { target: { value: 'ada@example.test' } });
    fireEvent.change(field('Password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/week'));
  });
});

describe('signing out', () => {
  it('ends the session from the user menu and goes to sign-in', async () => {
    const api = stubApi({}, { me: signedInMe() });
    const { router } = renderApp('/settings/profile');
    await screen.findByRole('heading', { level: 1, name: 'Profile' });

    const menuButton = screen.getByRole('button', { name: 'Account menu for Ada Lovelace' });
    fireEvent.keyDown(menuButton, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu');
    // Opened from the keyboard: focus is on the first item.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Profile' })),
    );
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Tiltmeter' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(api.callsTo('POST', '/api/auth/sign-out')).toHaveLength(1);
  });
});
