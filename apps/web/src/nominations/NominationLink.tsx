import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { prefetchScreen } from '../prefetch';
import { prefetchNomination } from './queries';

/**
 * A link to a nomination's page that gets it ready before the click: its chunk when pointed at or
 * focused (once, cheap), its reads when the button goes down (a press lasts ~100 ms; a mere hover
 * over a list sends no request).
 */
export function NominationLink({ id, children }: { id: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const chunk = () => prefetchScreen('nominationDetail');
  return (
    <Link
      to={`/nominations/${id}`}
      onPointerEnter={chunk}
      onFocus={chunk}
      onPointerDown={() => prefetchNomination(queryClient, id)}
    >
      {children}
    </Link>
  );
}
