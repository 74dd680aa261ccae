import { Spinner } from '../../components/ui/loading.tsx';
import { LogoMark } from '../../components/ui/logo.tsx';

/** While the session is checked on the first load (shown only if that takes a moment). */
export function FullPageLoading() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-5">
      <LogoMark className="size-10" />
      <Spinner label="Loading Tiltmeter…" />
    </div>
  );
}
