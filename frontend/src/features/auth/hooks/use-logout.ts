import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { session } from '@/lib/session';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return () => {
    session.end('logout');
    // Nothing the operator saw stays in memory for the next person at this screen.
    queryClient.clear();
    void navigate('/login', { replace: true, state: { reason: 'logout' } });
  };
}
