import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiErrorSchema } from '@tiltmeter/shared/api';
import {
  csvImportEndpoint,
  type ImportCsvQuery,
  type ImportResult,
  ImportResultSchema,
  importEndpoints,
} from '@tiltmeter/shared/imports';
import { useState } from 'react';
import { ApiError, CLIENT_ERROR_CODES } from '../../../lib/api-client.ts';

/** The server's limit (`MAX_IMPORT_BYTES`); checked here too so nobody waits for a doomed upload. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportKind = 'ics' | 'csv';

/** Which importer a file goes to, from its name first (browsers disagree on CSV and ICS MIME types). */
export function importKindOf(file: Pick<File, 'name' | 'type'>): ImportKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.ics') || name.endsWith('.ical') || name.endsWith('.ifb')) return 'ics';
  if (name.endsWith('.csv')) return 'csv';
  if (file.type === 'text/calendar') return 'ics';
  if (file.type === 'text/csv') return 'csv';
  return null;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** The bytes are sent; the server is reading and classifying them. */
  processing: boolean;
}

export interface UploadImportInput {
  file: File;
  kind: ImportKind;
  /** Empty or absent: the file's own calendar name (ICS) or the format's name (CSV). */
  calendar?: string;
  /** CSV only: how to read 03/04/2026 when the file does not say. */
  dateOrder?: ImportCsvQuery['dateOrder'];
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function uploadUrl(input: UploadImportInput): string {
  const base = input.kind === 'ics' ? importEndpoints.ics.url : csvImportEndpoint.url;
  const params = new URLSearchParams();
  const calendar = input.calendar?.trim();
  if (calendar) params.set('calendar', calendar);
  if (input.kind === 'csv' && input.dateOrder) params.set('dateOrder', input.dateOrder);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Uploads a calendar file as multipart/form-data. XMLHttpRequest rather than fetch because only it
 * reports upload progress, which a 50 MB file needs. Errors are the same `ApiError`s as the rest of
 * the client, so a file the server cannot read arrives with its line numbers in `issues`.
 */
export function uploadImport(input: UploadImportInput): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(input));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'text';

    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : input.file.size;
      input.onProgress?.({ loaded: event.loaded, total, processing: false });
    };
    xhr.upload.onload = () => {
      input.onProgress?.({ loaded: input.file.size, total: input.file.size, processing: true });
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = ImportResultSchema.safeParse(payload);
        if (parsed.success) resolve(parsed.data);
        else {
          reject(
            new ApiError(
              xhr.status,
              CLIENT_ERROR_CODES.invalidResponse,
              'Unexpected response to the upload.',
              [],
              {
                cause: parsed.error,
              },
            ),
          );
        }
        return;
      }
      const error = ApiErrorSchema.safeParse(payload);
      if (error.success) {
        const { code, message, issues } = error.data.error;
        reject(new ApiError(xhr.status, code, message, issues));
      } else if (xhr.status === 413) {
        reject(new ApiError(413, 'payload_too_large', 'The file is larger than 50 MB.'));
      } else {
        reject(
          new ApiError(xhr.status, CLIENT_ERROR_CODES.http, `The upload failed with status ${xhr.status}.`),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'Cannot reach the server.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));

    if (input.signal) {
      if (input.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      input.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }

    const form = new FormData();
    form.append('file', input.file, input.file.name);
    input.onProgress?.({ loaded: 0, total: input.file.size, processing: false });
    xhr.send(form);
  });
}

/** The upload as a mutation, with its progress as state. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: Omit<UploadImportInput, 'onProgress'>) =>
      uploadImport({ ...input, onProgress: setProgress }),
    onSettled: () => setProgress(null),
    // An import changes entries, and nearly every view derives from them (inbox, weeks, history).
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return { ...mutation, progress };
}
