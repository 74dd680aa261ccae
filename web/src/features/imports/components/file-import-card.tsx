import type { ImportResult } from '@tiltmeter/shared/imports';
import { type DragEvent, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field, Input, Select } from '../../../components/ui/field.tsx';
import { UploadIcon } from '../../../components/ui/icons.tsx';
import { cn } from '../../../lib/cn.ts';
import { type ImportKind, importKindOf, MAX_IMPORT_BYTES, useUploadImport } from '../api/upload-import.ts';
import { formatBytes } from '../utils/format.ts';
import { ImportErrorMessage } from './import-error.tsx';
import { ImportResultSummary } from './import-result.tsx';
import { UploadProgressBar } from './upload-progress.tsx';

const KIND_LABELS: Record<ImportKind, string> = { ics: 'ICS calendar', csv: 'CSV time log' };

type Outcome =
  | { kind: 'done'; fileName: string; result: ImportResult }
  | { kind: 'failed'; fileName: string; error: Error };

/**
 * Upload one .ics or .csv file: pick it (keyboard: the file input is a real, focusable control) or
 * drop it, name the calendar if you like, import, watch the bytes go, read what happened.
 */
export function FileImportCard() {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [calendar, setCalendar] = useState('');
  const [dateOrder, setDateOrder] = useState<'mdy' | 'dmy'>('mdy');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useUploadImport();

  const kind = file ? importKindOf(file) : null;

  function choose(next: File | undefined) {
    setOutcome(null);
    setFileError(null);
    if (!next) return;
    if (!importKindOf(next)) {
      setFile(null);
      setFileError(`${next.name} is neither an .ics calendar nor a .csv file.`);
      return;
    }
    if (next.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setFileError(`${next.name} is ${formatBytes(next.size)}; files can be at most 50 MB.`);
      return;
    }
    setFile(next);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    if (upload.isPending) return;
    choose(event.dataTransfer.files[0]);
  }

  function reset() {
    setFile(null);
    setCalendar('');
    if (inputRef.current) inputRef.current.value = '';
  }

  function start() {
    if (!file || !kind) return;
    const abort = new AbortController();
    controller.current = abort;
    const fileName = file.name;
    setOutcome(null);
    upload.mutate(
      { file, kind, calendar, dateOrder: kind === 'csv' ? dateOrder : undefined, signal: abort.signal },
      {
        onSuccess: (result) => {
          setOutcome({ kind: 'done', fileName, result });
          reset();
        },
        onError: (error) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setOutcome({ kind: 'failed', fileName, error });
        },
      },
    );
  }

  const busy = upload.isPending;

  return (
    <Card
      title="Import a file"
      description="An .ics export from Google Calendar, Outlook or Apple Calendar, or a .csv in Tiltmeter’s format or a Toggl Track or Clockify detailed export. Importing the same calendar again updates it in place."
    >
      <div className="space-y-5">
        <label
          htmlFor={`${id}-file`}
          onDragOver={(event) => {
            event.preventDefault();
            if (!busy) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            'flex cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600',
            dragging
              ? 'border-accent-600 bg-accent-50'
              : 'border-slate-300 bg-slate-50/60 hover:border-slate-400 hover:bg-slate-50',
            busy && 'pointer-events-none opacity-60',
          )}
        >
          <span className="flex size-11 items-center justify-center rounded-full bg-white text-accent-600 shadow-xs ring-1 ring-slate-200">
            <UploadIcon className="size-5" />
          </span>
          <span className="mt-3 text-sm font-medium text-slate-900">
            {dragging ? (
              'Drop the file to choose it'
            ) : (
              <>
                Drop a file here, or{' '}
                <span className="text-accent-700 underline underline-offset-2">choose one</span>
              </>
            )}
          </span>
          <span className="mt-1 text-[13px] text-slate-600">.ics or .csv, up to 50 MB</span>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept=".ics,.ical,.csv,text/calendar,text/csv"
            className="sr-only"
            disabled={busy}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </label>
        {fileError && (
          <p id={`${id}-file-error`} role="alert" className="-mt-2 text-[13px] font-medium text-critical">
            {fileError}
          </p>
        )}

        {file && kind && (
          <div className="space-y-4 rounded-xl border border-slate-200 p-4">
            <div className="flex flex-wrap items-center gap-3">
              <span className="flex size-9 items-center justify-center rounded-lg bg-slate-100 font-mono text-[11px] font-semibold text-slate-600 uppercase">
                {kind}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">{file.name}</p>
                <p className="text-[13px] text-slate-600">
                  {KIND_LABELS[kind]} · {formatBytes(file.size)}
                </p>
              </div>
              {!busy && (
                <Button variant="ghost" size="sm" onClick={reset}>
                  Remove<span className="sr-only"> {file.name}</span>
                </Button>
              )}
            </div>
            {busy && upload.progress ? (
              <div className="flex items-end gap-4">
                <div className="flex-1">
                  <UploadProgressBar progress={upload.progress} fileName={file.name} />
                </div>
                {!upload.progress.processing && (
                  <Button variant="secondary" size="sm" onClick={() => controller.current?.abort()}>
                    Cancel
                  </Button>
                )}
              </div>
            ) : (
              <div className="grid items-end gap-4 sm:grid-cols-[minmax(0,1fr)_auto_auto]">
                <Field
                  label="Calendar name"
                  optional
                  description={
                    kind === 'ics'
                      ? 'Defaults to the name inside the file. Importing under the same name again updates that calendar.'
                      : 'Defaults to the format (tiltmeter, toggl or clockify).'
                  }
                >
                  <Input
                    value={calendar}
                    maxLength={200}
                    onChange={(event) => setCalendar(event.target.value)}
                    placeholder="Work"
                  />
                </Field>
                {kind === 'csv' && (
                  <Field label="Dates like 03/04">
                    <Select
                      value={dateOrder}
                      onChange={(event) => setDateOrder(event.target.value as 'mdy' | 'dmy')}
                      options={[
                        { value: 'mdy', label: 'Month first (Mar 4)' },
                        { value: 'dmy', label: 'Day first (3 Apr)' },
                      ]}
                    />
                  </Field>
                )}
                <Button onClick={start} className="sm:col-start-3">
                  <UploadIcon />
                  Import
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'done' && (
          <div className="mt-5">
            <ImportResultSummary result={outcome.result} fileName={outcome.fileName} />
          </div>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <div className="mt-5">
          <ImportErrorMessage error={outcome.error} fileName={outcome.fileName} />
        </div>
      )}
    </Card>
  );
}
