import { Alert } from '../../../components/ui/alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';

/**
 * The server's message repeats the first issue after a colon ("The calendar file could not be read:
 * <issue>"); with the issue listed under it, the lead keeps only its own words.
 */
function leadOf(message: string, issueMessages: readonly string[]): string {
  for (const issue of issueMessages) {
    const suffix = `: ${issue}`;
    if (message.endsWith(suffix)) return `${message.slice(0, -suffix.length)}.`;
  }
  return message;
}

/** Why a file was refused, with the line of each problem first so the reader can open the file there. */
export function ImportErrorMessage({ error, fileName }: { error: Error; fileName: string }) {
  const issues = error instanceof ApiError ? error.issues : [];
  const listed = issues.filter((issue) => issue.line !== undefined || issue.message !== error.message);
  return (
    <Alert tone="error" title={`${fileName} was not imported`}>
      <p>
        {leadOf(
          error.message,
          listed.map((issue) => issue.message),
        )}
      </p>
      {listed.length > 0 && (
        <ul className="mt-2 space-y-1.5">
          {listed.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
            <li key={index} className="flex items-start gap-2">
              {issue.line !== undefined && (
                <span className="mt-0.5 shrink-0 rounded bg-white px-1.5 font-mono text-xs leading-5 font-semibold whitespace-nowrap text-red-900 ring-1 ring-red-200">
                  Line {issue.line}
                </span>
              )}
              <span>
                {typeof issue.path[1] === 'string' && <span className="font-medium">{issue.path[1]}: </span>}
                {issue.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-red-900/90">
        Nothing from this file was saved. Fix the file and upload it again.
      </p>
    </Alert>
  );
}
