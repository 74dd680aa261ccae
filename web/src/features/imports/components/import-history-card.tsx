import type { ImportBatch } from '@tiltmeter/shared/imports';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { HistoryIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { useImports } from '../api/get-imports.ts';
import { formatShortDateTime } from '../utils/format.ts';

const SOURCE_LABELS: Record<string, string> = {
  ics_file: 'ICS file',
  ics_url: 'Subscription',
  csv: 'CSV',
  api: 'API',
  manual: 'Manual',
};

const STATUS: Record<ImportBatch['status'], { label: string; tone: BadgeTone }> = {
  succeeded: { label: 'Imported', tone: 'success' },
  running: { label: 'Running', tone: 'accent' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** "12 created · 3 updated · 2 skipped": only the counts that happened, so a row reads at a glance. */
function countsText(batch: ImportBatch): string {
  if (batch.status !== 'succeeded') return '—';
  const parts = [
    batch.created && `${batch.created} created`,
    batch.updated && `${batch.updated} updated`,
    batch.removed && `${batch.removed} removed`,
    batch.skipped && `${batch.skipped} skipped`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'No changes';
}

/** The caller's recent imports, newest first: files and subscription refreshes alike. */
export function ImportHistoryCard() {
  const imports = useImports();
  return (
    <Card
      title="Import history"
      description="Your recent imports, newest first, including the scheduled refreshes of your subscriptions."
      bodyClassName={imports.data && imports.data.length > 0 ? 'p-0' : undefined}
    >
      {imports.isPending ? (
        <SkeletonRows rows={3} label="Loading import history" />
      ) : imports.isError ? (
        <Alert
          tone="error"
          title="The import history could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={() => imports.refetch()}>
              Try again
            </Button>
          }
        >
          {imports.error.message}
        </Alert>
      ) : imports.data.length === 0 ? (
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <HistoryIcon className="size-5 shrink-0 text-slate-400" />
          No imports yet. Files you upload and subscription refreshes show up here.
        </div>
      ) : (
        <Table caption="Import history">
          <THead>
            <Tr>
              <Th>When</Th>
              <Th>Calendar</Th>
              <Th>Result</Th>
              <Th>Entries</Th>
            </Tr>
          </THead>
          <TBody>
            {imports.data.map((batch) => {
              const status = STATUS[batch.status];
              return (
                <Tr key={batch.id}>
                  <Td className="whitespace-nowrap">{formatShortDateTime(batch.startedAt)}</Td>
                  <Td className="max-w-64">
                    <p className="truncate font-medium text-slate-900">{batch.calendar}</p>
                    <p className="truncate text-xs text-slate-600">
                      {SOURCE_LABELS[batch.source] ?? batch.source}
                      {batch.fileName && ` · ${batch.fileName}`}
                    </p>
                  </Td>
                  <Td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                    {batch.error && <p className="mt-1 max-w-64 text-xs text-red-800">{batch.error}</p>}
                  </Td>
                  <Td className="text-[13px] tabular-nums">{countsText(batch)}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
