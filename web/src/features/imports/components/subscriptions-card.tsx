import {
  type CreateSubscriptionBody,
  CreateSubscriptionBodySchema,
  type Subscription,
} from '@tiltmeter/shared/subscriptions';
import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';
import { GlobeIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCreateSubscription } from '../api/create-subscription.ts';
import { useDeleteSubscription } from '../api/delete-subscription.ts';
import { useSubscriptions } from '../api/get-subscriptions.ts';
import { useRefreshSubscription } from '../api/refresh-subscription.ts';
import { formatRelative, plainSubscriptionError, plural } from '../utils/format.ts';
import { SecretAddressHelp } from './secret-address-help.tsx';

type FormErrors = Partial<Record<'url' | 'name' | 'form', string>>;

/** Calendars refreshed on a schedule from their secret ICS address. */
export function SubscriptionsCard() {
  const subscriptions = useSubscriptions();
  return (
    <Card
      title="Calendar subscriptions"
      description="Subscribe to your calendar’s secret address and Tiltmeter re-imports it about every hour, so new meetings and changes arrive by themselves."
    >
      <div className="space-y-6">
        <AddSubscriptionForm />
        {subscriptions.isPending ? (
          <SkeletonRows rows={2} label="Loading subscriptions" />
        ) : subscriptions.isError ? (
          <Alert
            tone="error"
            title="Your subscriptions could not be loaded"
            action={
              <Button variant="secondary" size="sm" onClick={() => subscriptions.refetch()}>
                Try again
              </Button>
            }
          >
            {subscriptions.error.message}
          </Alert>
        ) : subscriptions.data.length === 0 ? (
          <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">
            No subscriptions yet. Paste an address above to add your first calendar.
          </p>
        ) : (
          <ul
            aria-label="Your subscriptions"
            className="divide-y divide-slate-100 rounded-xl border border-slate-200"
          >
            {subscriptions.data.map((subscription) => (
              <SubscriptionItem key={subscription.id} subscription={subscription} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function fieldErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { form: 'The subscription could not be added.' };
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[1];
    if (field === 'url' || field === 'name') errors[field] = issue.message;
  }
  if (!errors.url && !errors.name) errors.form = error.message;
  return errors;
}

function AddSubscriptionForm() {
  const create = useCreateSubscription();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [added, setAdded] = useState<Subscription | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const body: CreateSubscriptionBody = { url, ...(name.trim() ? { name } : {}) };
    const parsed = CreateSubscriptionBodySchema.safeParse(body);
    if (!parsed.success) {
      const next: FormErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'name' ? 'name' : 'url';
        next[field] ??=
          field === 'url' && !url.trim() ? 'Paste the calendar’s address.' : `The address ${issue.message}.`;
        if (field === 'name') next.name = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (subscription) => {
        setAdded(subscription);
        setUrl('');
        setName('');
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] md:items-start">
        <Field label="Calendar address (https:// or webcal://)" error={errors.url}>
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
          />
        </Field>
        <Field label="Name" optional error={errors.name}>
          <Input
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            placeholder="Work calendar"
          />
        </Field>
        <Button type="submit" loading={create.isPending} className="md:mt-[26px]">
          Subscribe
        </Button>
      </div>
      {create.isPending && (
        <p className="text-sm text-slate-600">Fetching the calendar for the first time…</p>
      )}
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <div aria-live="polite">
        {added &&
          (added.lastError ? (
            <Alert tone="warning" title={`Subscribed to “${added.name}”, but the first refresh failed`}>
              {added.lastError} Tiltmeter keeps trying; you can also refresh it below once the address is
              fixed.
            </Alert>
          ) : (
            <Alert tone="success" title={`Subscribed to “${added.name}”`}>
              {added.lastCounts
                ? `${plural(added.lastCounts.created, 'entry', 'entries')} imported${added.lastCounts.skipped ? `, ${added.lastCounts.skipped} skipped` : ''}.`
                : 'The calendar was read; it had nothing new.'}
            </Alert>
          ))}
      </div>
      <SecretAddressHelp />
    </form>
  );
}

/** The address without its secret: host and the file name are enough to recognise it. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url.replace(/^webcals?:/i, 'https:'));
    const file = parsed.pathname.split('/').filter(Boolean).at(-1);
    return `${parsed.host}/…${file ? `/${file}` : ''}`;
  } catch {
    return url.slice(0, 40);
  }
}

function SubscriptionStatus({ subscription }: { subscription: Subscription }) {
  if (subscription.consecutiveFailures > 0) return <Badge tone="danger">Failing</Badge>;
  if (subscription.lastSuccessAt) return <Badge tone="success">Up to date</Badge>;
  return <Badge tone="neutral">Waiting for first refresh</Badge>;
}

function SubscriptionItem({ subscription }: { subscription: Subscription }) {
  const refresh = useRefreshSubscription();
  const remove = useDeleteSubscription();
  const [confirming, setConfirming] = useState(false);
  const counts = subscription.lastCounts;
  const failing = subscription.consecutiveFailures > 0;

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
        <GlobeIcon className="size-[18px]" />
      </span>
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold text-slate-900">{subscription.name}</h3>
          <SubscriptionStatus subscription={subscription} />
        </div>
        <p
          className="truncate font-mono text-xs text-slate-600"
          title="The secret part of the address is hidden"
        >
          {redactedUrl(subscription.url)}
        </p>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-[13px] text-slate-600">
          <div className="flex gap-1">
            <dt>Last success:</dt>
            <dd className="text-slate-800">
              {subscription.lastSuccessAt ? formatRelative(subscription.lastSuccessAt) : 'never'}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Next refresh:</dt>
            <dd className="text-slate-800">{formatRelative(subscription.nextRefreshAt)}</dd>
          </div>
          {counts && (
            <div className="flex gap-1">
              <dt>Last change:</dt>
              <dd className="text-slate-800">
                {counts.created} created, {counts.updated} updated, {counts.removed} removed, {counts.skipped}{' '}
                skipped
              </dd>
            </div>
          )}
        </dl>
        {failing && subscription.lastError && (
          <p className="rounded-lg bg-critical-soft px-3 py-2 text-[13px] leading-5 text-red-900">
            <span className="font-semibold">
              {subscription.consecutiveFailures === 1
                ? 'The last refresh failed: '
                : `The last ${subscription.consecutiveFailures} refreshes failed: `}
            </span>
            {plainSubscriptionError(subscription.lastError)}
          </p>
        )}
        {refresh.isError && (
          <p role="alert" className="text-[13px] font-medium text-critical">
            Refreshing failed: {refresh.error.message}
          </p>
        )}
      </div>
      <div className="flex shrink-0 gap-2">
        <Button
          variant="secondary"
          size="sm"
          loading={refresh.isPending}
          onClick={() => refresh.mutate(subscription.id)}
        >
          Refresh now<span className="sr-only"> {subscription.name}</span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setConfirming(true)}
          className="text-red-700 hover:bg-critical-soft hover:text-red-800"
        >
          Remove<span className="sr-only"> {subscription.name}</span>
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Remove “${subscription.name}”?`}
        confirmLabel="Remove subscription"
        pending={remove.isPending}
        error={remove.error?.message}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(subscription.id, { onSuccess: () => setConfirming(false) })}
      >
        Tiltmeter stops refreshing this calendar and removes the entries it imported from it, along with your
        corrections to them. The calendar itself is not touched; you can subscribe again later.
      </ConfirmDialog>
    </li>
  );
}
