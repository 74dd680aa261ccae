import { AUDIT_ACTIONS, type AuditAction } from '@tiltmeter/shared/audit';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Select } from '../../../components/ui/field.tsx';
import { HistoryIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDateTime, formatRelative } from '../../../lib/format-date.ts';
import { useAuditEvents } from '../api/get-audit-events.ts';
import { AUDIT_ACTION_LABELS, type AuditNames, describeAuditEvent } from '../utils/describe-event.ts';

/** The audit log, newest first, a page at a time, filterable by action. */
export function AuditLogCard({ names }: { names: AuditNames }) {
  const [action, setAction] = useState<AuditAction | ''>('');
  const events = useAuditEvents({ action: action || undefined });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title="Events"
      description={
        events.isSuccess ? `${items.length}${events.hasNextPage ? '+' : ''} shown, newest first.` : undefined
      }
      action={
        <Select
          aria-label="Show events of type"
          className="w-60"
          value={action}
          onChange={(event) => setAction(event.target.value as AuditAction | '')}
          placeholder="All events"
          options={AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }))}
        />
      }
      bodyClassName={events.isSuccess && items.length > 0 ? 'p-0' : undefined}
      footer={
        events.hasNextPage ? (
          <Button
            variant="secondary"
            onClick={() => void events.fetchNextPage()}
            loading={events.isFetchingNextPage}
          >
            Load older events
          </Button>
        ) : undefined
      }
    >
      {events.isPending ? (
        <SkeletonRows rows={4} label="Loading the audit log" />
      ) : events.isError ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" size="sm" onClick={() => void events.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(events.error)}
        </Alert>
      ) : items.length === 0 ? (
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-500">
            <HistoryIcon className="size-[18px]" />
          </span>
          {action ? 'No events of this type yet.' : 'Nothing recorded yet.'}
        </div>
      ) : (
        <Table caption="Audit events">
          <THead>
            <Tr>
              <Th className="w-44">When</Th>
              <Th className="w-48">Who</Th>
              <Th>What</Th>
            </Tr>
          </THead>
          <TBody>
            {items.map((event) => {
              const { summary, detail } = describeAuditEvent(event, names);
              return (
                <Tr key={event.id} className="align-top">
                  <Td className="whitespace-nowrap">
                    <time dateTime={event.createdAt} title={formatDateTime(event.createdAt)}>
                      {formatRelative(event.createdAt)}
                    </time>
                    <span className="block text-xs text-slate-500">{formatDateTime(event.createdAt)}</span>
                  </Td>
                  <Td className="font-medium text-slate-900">
                    {event.actor?.displayName ?? <span className="font-normal text-slate-500">System</span>}
                  </Td>
                  <Td>
                    <span className="text-slate-800">{summary}</span>
                    {detail && <span className="block text-[13px] text-slate-500">{detail}</span>}
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
