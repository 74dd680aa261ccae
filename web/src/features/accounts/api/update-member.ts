import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Member, type MemberRole, MemberSchema, memberEndpoints } from '@tiltmeter/shared/accounts';
import { apiPatch } from '../../../lib/api-client.ts';
import { accountsKeys } from './query-keys.ts';

export function updateMemberRole({
  memberId,
  role,
}: {
  memberId: string;
  role: MemberRole;
}): Promise<Member> {
  return apiPatch(
    memberEndpoints.update.url.replace(':id', encodeURIComponent(memberId)),
    { role },
    MemberSchema,
  );
}

/** Admins only; the server refuses (409) to demote the last admin. */
export function useUpdateMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberRole,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKeys.all }),
  });
}
