import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delayMs`. Compare by `key` (a JSON string) to skip equal values. */
export function useDebouncedValue<T>(value: T, key: string, delayMs: number): T {
  const [debounced, setDebounced] = useState({ value, key });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` describes `value`; depending on the value itself would restart the timer on every render
  useEffect(() => {
    if (key === debounced.key) return;
    const timer = setTimeout(() => setDebounced({ value, key }), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs, debounced.key]);
  return debounced.value;
}
