/** "48.2 MB", "640 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

const shortDateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** Without the year when it is this year: "21 Nov, 10:57". */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso);
  return date.getFullYear() === new Date().getFullYear() ? shortDateTime.format(date) : dateTime.format(date);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "in 2 hours", "yesterday": for refresh times, where closeness matters more than the clock. */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return seconds <= 0 ? 'just now' : 'in a moment';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return dateTime.format(new Date(iso));
}

/** A local date as `YYYY-MM-DD`, the value of an `<input type="date">`. */
export function toDateInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/**
 * A refresh error in words a person can act on. The server passes on what went wrong; network-level
 * failures arrive as the runtime's terse codes ("fetch failed", ENOTFOUND), which say nothing to most.
 */
export function plainSubscriptionError(message: string): string {
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|getaddrinfo|socket|certificate|TLS/i.test(
      message,
    )
  ) {
    return 'Tiltmeter could not reach the calendar’s server. Check that the address is complete; if it is, the server may be down for now.';
  }
  if (/answered 404/.test(message)) {
    return `${message}: no calendar at this address any more. It may have been reset or unpublished; copy the secret address again.`;
  }
  if (/answered 40[13]/.test(message)) {
    return `${message}: the calendar refused access. The secret address may have been reset; copy it again.`;
  }
  return message;
}
