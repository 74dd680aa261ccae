import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, buttonClassName } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { CalendarWeekIcon, UploadIcon } from '../../../components/ui/icons.tsx';
import { Spinner } from '../../../components/ui/loading.tsx';
import { entriesCsvUrl } from '../api/export-entries.ts';
import { useMyFeed, useRevokeMyFeed, useRotateMyFeed } from '../api/feed.ts';
import { toDateInput } from '../utils/format.ts';

function defaultRange() {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 27);
  return { from: toDateInput(from), to: toDateInput(today) };
}

/** Getting data out: the entries as CSV for a range, and a live ICS feed of the classified entries. */
export function ExportCard() {
  return (
    <Card
      title="Export"
      description="Your entries with their category and the reason for it, as a file or as a live calendar."
    >
      <div className="space-y-6">
        <EntriesCsvExport />
        <hr className="border-slate-100" />
        <FeedExport />
      </div>
    </Card>
  );
}

function DownloadIcon() {
  return <UploadIcon className="rotate-180" />;
}

function EntriesCsvExport() {
  const [range, setRange] = useState(defaultRange);
  const link = entriesCsvUrl(range);
  const errors = link.ok ? {} : link.errors;
  return (
    <section aria-labelledby="export-csv-title" className="space-y-4">
      <div>
        <h3 id="export-csv-title" className="text-sm font-semibold text-slate-900">
          Entries as CSV
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">
          Every entry that starts in the range, whole days in your time zone.
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <Field label="From" error={errors.from} className="w-44">
          <Input
            type="date"
            value={range.from}
            onChange={(event) => setRange({ ...range, from: event.target.value })}
          />
        </Field>
        <Field label="To" error={errors.to} className="w-44">
          <Input
            type="date"
            value={range.to}
            onChange={(event) => setRange({ ...range, to: event.target.value })}
          />
        </Field>
        <div className="pt-[26px]">
          {link.ok ? (
            <a href={link.url} download className={buttonClassName('secondary')}>
              <DownloadIcon />
              Download CSV
            </a>
          ) : (
            <Button variant="secondary" disabled>
              <DownloadIcon />
              Download CSV
            </Button>
          )}
        </div>
      </div>
    </section>
  );
}

function FeedExport() {
  const feed = useMyFeed();
  const rotate = useRotateMyFeed();
  const revoke = useRevokeMyFeed();
  const [confirm, setConfirm] = useState<'replace' | 'disable' | null>(null);

  const close = () => {
    setConfirm(null);
    rotate.reset();
    revoke.reset();
  };

  return (
    <section aria-labelledby="export-feed-title" className="space-y-4">
      <div>
        <h3 id="export-feed-title" className="text-sm font-semibold text-slate-900">
          Calendar feed
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">
          Subscribe to it in Google Calendar, Outlook or Apple Calendar to see your entries with their
          categories. The address is secret: anyone who has it can read the feed.
        </p>
      </div>
      {feed.isPending ? (
        <Spinner label="Loading your feed" />
      ) : feed.isError ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => feed.refetch()}>
              Try again
            </Button>
          }
        >
          Your feed could not be loaded: {feed.error.message}
        </Alert>
      ) : feed.data.url ? (
        <div className="space-y-3">
          <Field label="Your feed address">
            <div className="flex gap-2">
              <Input
                readOnly
                value={feed.data.url}
                className="font-mono text-xs"
                onFocus={(event) => event.target.select()}
              />
              <CopyButton value={feed.data.url} aria-label="Copy the feed address" />
            </div>
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => setConfirm('replace')}>
              Replace address
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setConfirm('disable')}
              className="text-red-700 hover:bg-critical-soft hover:text-red-800"
            >
              Turn off
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          <div className="flex items-center gap-3 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">
            <CalendarWeekIcon className="size-5 shrink-0 text-slate-400" />
            The feed is off.
          </div>
          <Button variant="secondary" loading={rotate.isPending} onClick={() => rotate.mutate()}>
            Turn on the feed
          </Button>
          {rotate.isError && <Alert tone="error">{rotate.error.message}</Alert>}
        </div>
      )}
      <ConfirmDialog
        open={confirm === 'replace'}
        title="Replace the feed address?"
        confirmLabel="Replace address"
        pending={rotate.isPending}
        error={rotate.error?.message}
        onCancel={close}
        onConfirm={() => rotate.mutate(undefined, { onSuccess: close })}
      >
        The current address stops working at once. Calendars subscribed to it stop updating until you
        subscribe them to the new one. Do this if the address may have leaked.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'disable'}
        title="Turn off the feed?"
        confirmLabel="Turn off"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onCancel={close}
        onConfirm={() => revoke.mutate(undefined, { onSuccess: close })}
      >
        The address stops working at once, and calendars subscribed to it stop updating. You can turn the feed
        on again later; it gets a new address.
      </ConfirmDialog>
    </section>
  );
}
