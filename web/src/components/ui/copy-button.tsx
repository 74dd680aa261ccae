import { useEffect, useState } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button.tsx';
import { CheckIcon, CopyIcon } from './icons.tsx';

/** Copies `text` to the clipboard; if the browser refuses, `onCopyFailed` can tell the user to select it. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface CopyButtonProps {
  value: string;
  /** The button's text; its accessible name also says what is copied ("Copy invitation link"). */
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** Text for screen readers naming what is copied, when the visible label is short. */
  'aria-label'?: string;
}

/** A button that copies a value and says "Copied" for two seconds (announced to screen readers). */
export function CopyButton({
  value,
  label = 'Copy',
  variant = 'secondary',
  size = 'md',
  className,
  'aria-label': ariaLabel,
}: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <Button
        variant={variant}
        size={size}
        className={className}
        aria-label={ariaLabel}
        onClick={async () => setState((await copyText(value)) ? 'copied' : 'failed')}
      >
        {state === 'copied' ? <CheckIcon className="text-ok" /> : <CopyIcon />}
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Copying failed: select the text and copy it'
            : ''}
      </span>
    </>
  );
}
