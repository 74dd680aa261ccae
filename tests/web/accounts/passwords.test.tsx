import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { describedText, input } from './helpers.ts';
import { apiError, stubApi } from './stub-api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('forgot password', () => {
  it('validates the address, then says to check the email whatever the answer reveals', async () => {
    const api = stubApi({ 'POST /api/auth/request-password-reset': () => ({ body: { status: true } }) });
    renderApp('/forgot-password');
    await screen.findByRole('heading', { level: 1, name: 'Reset your password' });

    fireEvent.change(input('Email'), { target: { value: 'ada@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() =>
      expect(describedText(input('Email'))).toBe('Enter an email address, like name@example.com.'),
    );
    expect(api.callsTo('POST', '/api/auth/request-password-reset')).toEqual([]);

    fireEvent.change(input('Email'), { target: { value: 'ada@example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByText('Check your email')).toBeDefined();
    expect(screen.getByText('ada@example.test')).toBeDefined();
    expect(api.callsTo('POST', '/api/auth/request-password-reset')[0]?.body).toEqual({
      email: 'ada@example.test',
    });
  });
});

describe('reset password', () => {
  it('explains a link without a token and offers a new one', async () => {
    stubApi();
    renderApp('/reset-password');

    expect(await screen.findByRole('heading', { level: 1, name: 'This link does not work' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Send a new reset link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('asks for matching passwords of the minimum length', async () => {
    const api = stubApi();
    renderApp('/reset-password?token=abc');
    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });

    fireEvent.change(input('New password'), { target: { value: 'long enough password' } });
    fireEvent.change(input('Repeat the new password'), { target: { value: 'long enough passw0rd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    await waitFor(() =>
      expect(describedText(input('Repeat the new password'))).toBe('The two passwords differ.'),
    );
    expect(api.callsTo('POST', '/api/auth/reset-password')).toEqual([]);
  });

  it("shows the server's answer for a used token, and confirms a reset", async () => {
    let used = true;
    const api = stubApi({
      'POST /api/auth/reset-password': () =>
        used ? apiError(400, 'bad_request', 'Invalid token') : { body: { status: true } },
    });
    renderApp('/reset-password?token=abc');
    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });

    fireEvent.change(input('New password'), { target: { value: 'long enough password' } });
    fireEvent.change(input('Repeat the new password'), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Invalid token');

    used = false;
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Password changed' })).toBeDefined();
    expect(api.callsTo('POST', '/api/auth/reset-password').at(-1)?.body).toEqual({
      token: 'abc',
      newPassword: 'long enough password',
    });
  });
});
