import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportResult } from '@tiltmeter/shared/imports';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app.tsx';
import { PAGE_LOAD, stubApi } from './stub-api.ts';

/**
 * Uploads go through XMLHttpRequest (the only browser API with upload progress), so the browser
 * boundary here is a fake XHR the test drives: progress events, then the server's answer.
 */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  responseType = '';
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    act(() => {
      this.upload.onload?.();
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    });
  }
}

/** The upload starts a microtask after the click (the mutation runs its function asynchronously). */
async function lastXhr(): Promise<FakeXhr> {
  return waitFor(() => {
    if (!FakeXhr.last) throw new Error('no upload was sent');
    return FakeXhr.last;
  });
}

const RESULT: ImportResult = {
  importId: 'imp-1',
  calendar: 'Work',
  created: 12,
  updated: 3,
  removed: 1,
  skipped: 2,
  skippedReasons: [
    { uid: 'ev-9@test', summary: 'Cancelled sync', reason: 'cancelled', line: 40 },
    { uid: 'broken@test', reason: 'has no start time (DTSTART)', line: 88 },
  ],
};

function importsApi() {
  return stubApi({
    'GET /api/v1/imports': () => ({ body: { items: [] } }),
    'GET /api/v1/subscriptions': () => ({ body: { items: [] } }),
    'GET /api/v1/me/feed': () => ({ body: { url: null } }),
  });
}

async function chooseFile(
  name: string,
  content = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  type = 'text/calendar',
) {
  const input = (await screen.findByLabelText(/Drop a file here/, {}, PAGE_LOAD)) as HTMLInputElement;
  const file = new File([content], name, { type });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

const stat = (label: string) => {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.querySelector('[data-stat]')?.textContent;
};

beforeEach(() => {
  FakeXhr.last = null;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Pages load as lazy chunks and poll their data: generous limits keep a loaded machine from failing them.
describe('file import', { timeout: 30_000 }, () => {
  it('uploads with progress, then shows the counts and why events were skipped', async () => {
    const api = importsApi();
    renderApp('/settings/imports');
    const file = await chooseFile('work.ics');

    expect(screen.getByText(/^ICS calendar · \d+ bytes$/)).toBeDefined();
    fireEvent.change(screen.getByRole('textbox', { name: /Calendar name/ }), { target: { value: 'Work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    const xhr = await lastXhr();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/imports/ics?calendar=Work');
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File);
    expect(((xhr.body as FormData).get('file') as File).name).toBe(file.name);

    xhr.progress(512, 1024);
    const bar = screen.getByRole('progressbar', { name: 'Uploading work.ics' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText(/50%/)).toBeDefined();

    const historyCallsBefore = api.callsTo('GET', '/api/v1/imports').length;
    xhr.respond(200, RESULT);

    expect(
      await screen.findByRole('heading', { name: 'Imported work.ics into “Work”' }, PAGE_LOAD),
    ).toBeDefined();
    expect(stat('Created')).toBe('12');
    expect(stat('Updated')).toBe('3');
    expect(stat('Removed')).toBe('1');
    expect(stat('Skipped')).toBe('2');
    const disclosure = screen.getByText('Why 2 events were skipped').closest('details') as HTMLDetailsElement;
    expect(within(disclosure).getByText(/^Cancelled sync:/)).toBeDefined();
    expect(disclosure.textContent).toContain('has no start time (DTSTART)');
    expect(within(disclosure).getByText('Line 88')).toBeDefined();
    // The history is refetched so the new import shows there too.
    await waitFor(() =>
      expect(api.callsTo('GET', '/api/v1/imports').length).toBeGreaterThan(historyCallsBefore),
    );
  });

  it('shows a file the server cannot read with the line of the problem', async () => {
    importsApi();
    renderApp('/settings/imports');
    await chooseFile('work.ics');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    (await lastXhr()).respond(400, {
      error: {
        code: 'validation_failed',
        message:
          'The calendar file could not be read: BEGIN:VEVENT on line 2 is never closed with END:VEVENT.',
        issues: [
          { path: ['body'], message: 'BEGIN:VEVENT on line 2 is never closed with END:VEVENT.', line: 2 },
        ],
      },
    });

    const title = await screen.findByText('work.ics was not imported', {}, PAGE_LOAD);
    const alert = title.closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getByText('Line 2')).toBeDefined();
    expect(within(alert).getByText('BEGIN:VEVENT on line 2 is never closed with END:VEVENT.')).toBeDefined();
    expect(within(alert).getByText(/Nothing from this file was saved/)).toBeDefined();
  });

  it('sends CSV files to the CSV importer with the chosen date order, and refuses other files', async () => {
    importsApi();
    renderApp('/settings/imports');

    await chooseFile('notes.txt', 'hello', 'text/plain');
    expect(screen.getByText('notes.txt is neither an .ics calendar nor a .csv file.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();

    await chooseFile('toggl.csv', 'Description,Start date\n', 'text/csv');
    fireEvent.change(screen.getByRole('combobox', { name: 'Dates like 03/04' }), {
      target: { value: 'dmy' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await lastXhr()).url).toBe('/api/v1/imports/csv?dateOrder=dmy');
  });
});

describe('subscriptions and the feed', { timeout: 30_000 }, () => {
  it('shows each subscription’s health in plain words', async () => {
    stubApi({
      'GET /api/v1/imports': () => ({ body: { items: [] } }),
      'GET /api/v1/me/feed': () => ({ body: { url: null } }),
      'GET /api/v1/subscriptions': () => ({
        body: {
          items: [
            {
              id: 'sub-1',
              url: 'https://calendar.example.test/ical/secret-token-123/basic.ics',
              name: 'Work calendar',
              lastAttemptAt: new Date(Date.now() - 5 * 60_000).toISOString(),
              lastSuccessAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
              lastError: 'The server answered 404 Not Found: the address may have been reset.',
              consecutiveFailures: 3,
              nextRefreshAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
              lastCounts: { created: 4, updated: 1, removed: 0, skipped: 0 },
            },
          ],
        },
      }),
    });
    renderApp('/settings/imports');

    const list = await screen.findByRole('list', { name: 'Your subscriptions' }, PAGE_LOAD);
    expect(within(list).getByRole('heading', { name: 'Work calendar' })).toBeDefined();
    expect(within(list).getByText('Failing')).toBeDefined();
    expect(within(list).getByText('The last 3 refreshes failed:')).toBeDefined();
    expect(within(list).getByText(/404 Not Found/)).toBeDefined();
    expect(within(list).getByText('3 hours ago')).toBeDefined();
    expect(within(list).getByText('in 2 hours')).toBeDefined();
    expect(within(list).getByText('4 created, 1 updated, 0 removed, 0 skipped')).toBeDefined();
    // The secret part of the address is never shown.
    expect(list.textContent).not.toContain('secret-token-123');
    expect(within(list).getByText('calendar.example.test/…/basic.ics')).toBeDefined();
  });
});
