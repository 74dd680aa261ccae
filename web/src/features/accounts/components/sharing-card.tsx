import type { MemberSettings } from '@tiltmeter/shared/accounts';
import { Card } from '../../../components/ui/card.tsx';
import { CheckIcon, CloseIcon, ShieldIcon } from '../../../components/ui/icons.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/form.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { useUpdateMySettings } from '../api/update-my-settings.ts';

/**
 * The one privacy choice a member makes: whether the leads of their teams may see their individual
 * numbers. Applies at once (a switch), and says plainly what is and is never shared.
 */
export function SharingCard({ settings, minGroupSize }: { settings: MemberSettings; minGroupSize: number }) {
  const update = useUpdateMySettings();
  const { toast } = useToast();
  const shared = update.isPending
    ? (update.variables.shareWithTeamLeads ?? settings.shareWithTeamLeads)
    : settings.shareWithTeamLeads;

  return (
    <Card
      title="Sharing with your team leads"
      description="Off unless you turn it on. You can change your mind at any time; it applies immediately."
    >
      <div className="space-y-5">
        <Switch
          label="Share my individual numbers with the leads of my teams"
          description={
            settings.shareChangedAt
              ? `${settings.shareWithTeamLeads ? 'Shared' : 'Not shared'} since ${formatDate(settings.shareChangedAt)}.`
              : 'Never shared so far.'
          }
          checked={shared}
          busy={update.isPending}
          disabled={update.isPending}
          onChange={(next) =>
            update.mutate(
              { shareWithTeamLeads: next },
              {
                onSuccess: () =>
                  toast({
                    title: next ? 'Sharing turned on' : 'Sharing turned off',
                    description: next
                      ? 'Your team leads can now see your weekly numbers.'
                      : 'Your team leads see you only inside team totals again.',
                  }),
                onError: (error) =>
                  toast({
                    tone: 'error',
                    title: 'Could not change sharing',
                    description: errorMessage(error),
                  }),
              },
            )
          }
        />
        <div className="grid gap-4 rounded-xl bg-slate-50 p-4 text-[13px] leading-5 text-slate-700 sm:grid-cols-2">
          <div>
            <p className="flex items-center gap-1.5 font-semibold text-slate-900">
              <CheckIcon className="size-4 text-ok" /> When on, your leads see
            </p>
            <p className="mt-1.5">
              Your own weekly numbers: maker share, deep blocks, meeting hours, and the signals they raise (a
              tilt, a heavy meeting day). Each look is recorded in the audit log.
            </p>
          </div>
          <div>
            <p className="flex items-center gap-1.5 font-semibold text-slate-900">
              <CloseIcon className="size-4 text-critical" /> Never shared
            </p>
            <p className="mt-1.5">
              Your entries, their titles and the reasons they were classified. Nobody but you sees those,
              whatever this setting says.
            </p>
          </div>
          <div className="sm:col-span-2 flex gap-2 border-t border-slate-200 pt-3">
            <ShieldIcon className="size-4 shrink-0 text-slate-500" />
            <p>
              When off, leads see you only inside team totals, and only for groups of at least {minGroupSize}{' '}
              people. If a team you belong to is set to <em>open</em>, its members agreed to see each other's
              numbers in retros.
            </p>
          </div>
        </div>
      </div>
    </Card>
  );
}
