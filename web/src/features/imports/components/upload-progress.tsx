import type { UploadProgress } from '../api/upload-import.ts';
import { formatBytes } from '../utils/format.ts';

/** Bytes sent while uploading; then an indeterminate bar while the server reads and classifies. */
export function UploadProgressBar({ progress, fileName }: { progress: UploadProgress; fileName: string }) {
  const percent =
    progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  const label = progress.processing ? `Reading and classifying ${fileName}` : `Uploading ${fileName}`;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <p className="font-medium text-slate-900">
          {progress.processing ? 'Reading and classifying entries…' : 'Uploading…'}
        </p>
        <p className="text-slate-600 tabular-nums">
          {progress.processing
            ? formatBytes(progress.total)
            : `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} · ${percent}%`}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.processing ? undefined : percent}
        aria-valuetext={progress.processing ? 'Upload complete, processing' : `${percent}% uploaded`}
        className="relative h-2 overflow-hidden rounded-full bg-slate-100"
      >
        {progress.processing ? (
          <div className="h-full w-full rounded-full bg-accent-500 motion-safe:animate-pulse" />
        ) : (
          <div
            className="h-full rounded-full bg-accent-600 transition-[width] duration-200"
            style={{ width: `${percent}%` }}
          />
        )}
      </div>
    </div>
  );
}
