import { type Column, DataTable } from '../../../components/charts/data-table.tsx';
import { signalLabel } from '../../../components/charts/signal-meta.ts';
import { formatMinutes } from '../../../lib/format-metrics.ts';
import type { TrendPoint } from '../utils/trend-model.ts';

const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value)} %`);

const COLUMNS: readonly Column<TrendPoint>[] = [
  { key: 'week', header: 'Week', rowHeader: true, cell: (point) => point.week },
  { key: 'share', header: 'Maker share', numeric: true, cell: (point) => pct(point.share) },
  { key: 'target', header: 'Target', numeric: true, cell: (point) => pct(point.target) },
  { key: 'maker', header: 'Maker', numeric: true, cell: (point) => formatMinutes(point.makerMinutes) },
  { key: 'manager', header: 'Manager', numeric: true, cell: (point) => formatMinutes(point.managerMinutes) },
  { key: 'deep', header: 'Deep blocks', numeric: true, cell: (point) => point.deepBlocks },
  { key: 'rolling', header: '4-week share', numeric: true, cell: (point) => pct(point.rolling) },
  { key: 'baseline', header: '12-week baseline', numeric: true, cell: (point) => pct(point.baseline) },
  {
    key: 'streak',
    header: 'Weeks below target',
    numeric: true,
    cell: (point) => point.streak,
  },
  {
    key: 'signals',
    header: 'Signals',
    cell: (point) =>
      point.signals.length === 0
        ? '–'
        : [
            ...new Set(
              point.signals.map(
                (signal) => `${signalLabel(signal.code)}${signal.level === 'critical' ? ' (critical)' : ''}`,
              ),
            ),
          ].join(', '),
  },
];

/** The trend as a table, newest week first: the chart's accessible alternative. */
export function TrendTable({ points }: { points: readonly TrendPoint[] }) {
  return (
    <DataTable
      caption="Maker share, deep blocks and signals by week, newest first"
      columns={COLUMNS}
      rows={[...points].reverse()}
      rowKey={(point) => point.week}
      dense
    />
  );
}
