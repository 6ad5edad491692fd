import { useMutation } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import type { ApiProblem } from '@/api/problem';
import { session } from '@/lib/session';

type LoginRequest = components['schemas']['LoginRequest'];
type LoginResponse = components['schemas']['LoginResponse'];

export function useLogin() {
  return useMutation<LoginResponse, ApiProblem, LoginRequest>({
    mutationFn: (body) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: ({ token, expires_in }) => {
      if (token) session.start(token, expires_in ?? 8 * 3600);
    },
  });
}
