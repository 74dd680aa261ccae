import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { describedText, input } from './helpers.ts';
import { apiError, signedInMe, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openSignUp() {
  const view = renderApp('/sign-up');
  await screen.findByRole('heading', { level: 1, name: 'Create your organization' });
  return view;
}

function fill(
  values: Partial<Record<'Your name' | 'Work email' | 'Password' | 'Organization name', string>>,
) {
  for (const [label, value] of Object.entries(values)) fireEvent.change(input(label), { target: { value } });
}

describe('sign-up form', () => {
  it('asks for every field and a long enough password, before sending anything', async () => {
    const api = stubApi();
    await openSignUp();

    fill({ 'Your name': '   ', 'Work email': 'ada@example.test', Password: 'short' });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(input('Password').getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(input('Your name'))).toBe('Required.');
    expect(input('Work email').getAttribute('aria-invalid')).toBeNull();
    // The hint stays; the error joins it.
    expect(describedText(input('Password'))).toBe('At least 8 characters. Use at least 8 characters.');
    expect(describedText(input('Organization name'))).toContain('Required.');
    expect(api.callsTo('POST', '/api/auth/sign-up/email')).toEqual([]);
  });

  it("sends the browser's time zone and the organization name, then opens My week", async () => {
    const api = stubApi({
      'POST /api/auth/sign-up/email': () => {
        api.signIn(signedInMe());
        return {
          body: {
            user: { id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.test', emailVerified: false },
          },
        };
      },
    });
    const { router } = await openSignUp();

    fill({
      'Your name': 'Ada Lovelace',
      'Work email': 'ada@example.test',
      Password: 'correct horse battery staple',
      'Organization name': 'Analytical Engines',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/week'));
    expect(api.callsTo('POST', '/api/auth/sign-up/email')[0]?.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      password: 'correct horse battery staple',
      organizationName: 'Analytical Engines',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('says beside the email field when the address already has an account', async () => {
    stubApi({
      'POST /api/auth/sign-up/email': () =>
        apiError(409, 'conflict', 'User already exists. Use another email.'),
    });
    await openSignUp();

    fill({
      'Your name': 'Ada Lovelace',
      'Work email': 'ada@example.test',
      Password: 'correct horse battery staple',
      'Organization name': 'Analytical Engines',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(input('Work email').getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(input('Work email'))).toBe(
      'An account with this email already exists: sign in instead.',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Some fields need a change: see the messages beside them.',
    );
    await waitFor(() => expect(document.activeElement).toBe(input('Work email')));
  });

  it("puts the server's validation issues beside their fields", async () => {
    stubApi({
      'POST /api/auth/sign-up/email': () =>
        apiError(400, 'validation_failed', 'The request is invalid', [
          { path: ['body', 'name'], message: 'name is reserved' },
        ]),
    });
    await openSignUp();

    fill({
      'Your name': 'admin',
      'Work email': 'ada@example.test',
      Password: 'correct horse battery staple',
      'Organization name': 'Analytical Engines',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(describedText(input('Your name'))).toBe('Name is reserved.'));
  });
});
