import type { CreatedApiToken } from '@tiltmeter/shared/tokens';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CopyButton } from '../../../components/ui/copy-button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, Input } from '../../../components/ui/field.tsx';

/** The new token's secret, shown this once. */
export function TokenSecretDialog({
  created,
  onClose,
}: {
  created: CreatedApiToken | null;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={created !== null}
      onClose={onClose}
      size="lg"
      title={`Token “${created?.token.name ?? ''}” created`}
      description="Copy it now and keep it somewhere safe, such as a password manager or your script's secret store."
      footer={
        <Button onClick={onClose} data-autofocus>
          I have copied it
        </Button>
      }
    >
      {created && (
        <div className="space-y-4">
          <Alert tone="warning" title="This is the only time the token is shown">
            Tiltmeter keeps only a fingerprint of it. If you lose it, revoke it and create a new one.
          </Alert>
          <Field label="Your new API token">
            <div className="flex gap-2">
              <Input
                readOnly
                value={created.secret}
                onFocus={(event) => event.target.select()}
                className="font-mono"
                data-testid="token-secret"
              />
              <CopyButton value={created.secret} label="Copy" aria-label="Copy the token" />
            </div>
          </Field>
          <div>
            <p className="text-[13px] font-medium text-slate-700">Use it as a bearer token:</p>
            <pre className="mt-1.5 overflow-x-auto rounded-lg bg-slate-900 px-4 py-3 font-mono text-[12.5px] leading-5 text-slate-100">
              {`curl -H "Authorization: Bearer ${created.token.prefix}…" \\\n  ${window.location.origin}/api/v1/me`}
            </pre>
          </div>
        </div>
      )}
    </Dialog>
  );
}
