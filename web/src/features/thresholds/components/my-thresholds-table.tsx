import type { ResolvedThresholds } from '@tiltmeter/shared/metrics';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../../components/ui/table.tsx';
import { formatThreshold, LAYER_LABELS, PROFILE_LABELS, THRESHOLDS } from '../utils/fields.ts';

const LAYER_TONES = { default: 'neutral', org: 'accent', team: 'accent', member: 'success' } as const;

/** Every threshold as it applies to the caller: value, where it was set, and why it exists. */
export function MyThresholdsTable({ resolved }: { resolved: ResolvedThresholds }) {
  return (
    <Card
      title="Your thresholds"
      description={`What your weeks are measured against, with where each value was set. Profile: ${PROFILE_LABELS[resolved.profile].toLowerCase()}.`}
      bodyClassName="p-0"
    >
      <Table caption="Your thresholds, where each was set, and where it comes from">
        <THead>
          <Tr>
            <Th className="w-[38%]">Signal</Th>
            <Th className="text-right">For you</Th>
            <Th>Set by</Th>
            <Th className="w-[34%]">Where it comes from</Th>
          </Tr>
        </THead>
        <TBody>
          {THRESHOLDS.map((meta) => {
            const source = resolved.sources[meta.key];
            return (
              <Tr key={meta.key} data-threshold={meta.key} className="align-top">
                <Td>
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {meta.label}
                    {meta.level === 'critical' && <Badge tone="danger">Critical</Badge>}
                  </p>
                  <p className="mt-0.5 text-xs leading-5 text-slate-600">{meta.description}</p>
                </Td>
                <Td className="text-right font-semibold whitespace-nowrap text-slate-900 tabular-nums">
                  {formatThreshold(meta.key, resolved.values[meta.key])}
                </Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={LAYER_TONES[source.layer]}>{LAYER_LABELS[source.layer]}</Badge>
                  {source.profile && (
                    <p className="mt-1 text-xs text-slate-600">{PROFILE_LABELS[source.profile]} profile</p>
                  )}
                </Td>
                <Td className="min-w-48 text-[13px] leading-5 text-slate-600 italic">{source.origin}</Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
