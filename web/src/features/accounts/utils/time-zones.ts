import type { ComboboxOption } from '../../../components/ui/combobox.tsx';

function offsetOf(zone: string, at: Date): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    return !name || name === 'GMT' ? 'GMT+0' : name;
  } catch {
    return '';
  }
}

let cached: ComboboxOption[] | null = null;

/**
 * Every IANA zone the browser knows, with its current UTC offset as a hint ("Europe/Berlin",
 * "GMT+1"); built once. `include` adds a zone the list lacks (an alias saved earlier).
 */
export function timeZoneOptions(include?: string | null): ComboboxOption[] {
  if (!cached) {
    const now = new Date();
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
    cached = all.map((zone) => ({
      value: zone,
      label: zone.replaceAll('_', ' '),
      hint: offsetOf(zone, now),
    }));
  }
  if (include && !cached.some((option) => option.value === include)) {
    return [
      { value: include, label: include.replaceAll('_', ' '), hint: offsetOf(include, new Date()) },
      ...cached,
    ];
  }
  return cached;
}
