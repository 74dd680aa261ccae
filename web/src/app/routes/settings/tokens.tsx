import type { QueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { CreatedApiToken } from '@tiltmeter/shared/tokens';
import { useState } from 'react';
import { ContentLayout } from '../../../components/layouts/content-layout.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { getTokensQueryOptions } from '../../../features/tokens/api/get-tokens.ts';
import { CreateTokenForm } from '../../../features/tokens/components/create-token-form.tsx';
import { TokenSecretDialog } from '../../../features/tokens/components/token-secret-dialog.tsx';
import { TokensCard } from '../../../features/tokens/components/tokens-card.tsx';
import { useSession } from '../../layout/session.tsx';

export const Route = createLazyRoute('/settings/tokens')({ component: TokensPage });

/** The route's loader starts this (see ../prefetch.ts). */
export function prefetch(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(getTokensQueryOptions());
}

function TokensPage() {
  const { organization, role } = useSession();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <ContentLayout
      title="API tokens"
      description={
        <>
          Personal tokens for scripts that read your metrics or send entries through the{' '}
          <a href="/api/docs" className="font-medium text-accent-700 hover:underline">
            REST API
          </a>
          . A token acts as you ({role}) in {organization.name} only.
        </>
      }
    >
      <div className="space-y-6">
        <Card title="Create a token">
          <CreateTokenForm onCreated={setCreated} />
        </Card>
        <TokensCard />
      </div>
      <TokenSecretDialog created={created} onClose={() => setCreated(null)} />
    </ContentLayout>
  );
}
