import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** The row's name: rendered as a row header (`<th scope="row">`). */
  rowHeader?: boolean;
}

interface DataTableProps<Row> {
  caption: string;
  /** Show the caption (otherwise it names the table for assistive tech only). */
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  className?: string;
  dense?: boolean;
}

/** The table alternative of a chart, and any small table of numbers. */
export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  className,
  dense = false,
}: DataTableProps<Row>) {
  const pad = dense ? 'px-2.5 py-1.5' : 'px-3 py-2';
  return (
    <table className={cn('w-full border-collapse text-left text-[13px]', className)}>
      <caption className={cn(showCaption ? 'mb-2 text-left text-sm font-medium text-slate-700' : 'sr-only')}>
        {caption}
      </caption>
      <thead>
        <tr className="border-b border-slate-200">
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={cn(
                pad,
                'sticky top-0 bg-white font-medium whitespace-nowrap text-slate-500',
                column.numeric && 'text-right',
              )}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-slate-100 last:border-0">
            {columns.map((column) =>
              column.rowHeader ? (
                <th
                  key={column.key}
                  scope="row"
                  className={cn(pad, 'font-medium text-slate-900', column.numeric && 'text-right')}
                >
                  {column.cell(row)}
                </th>
              ) : (
                <td
                  key={column.key}
                  className={cn(pad, 'text-slate-700', column.numeric && 'text-right tabular-nums')}
                >
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
