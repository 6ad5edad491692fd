// Errors the browser finds before anything is sent (a JSON syntax error, a port
// that is not a number), by API field path like the server's.
import { useCallback, useState } from 'react';
import type { FieldErrors } from '../components/form-values';

export function useClientErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});

  const setError = useCallback((path: string, error: string | undefined) => {
    setErrors((current) => {
      const next = { ...current };
      if (error) next[path] = error;
      else delete next[path];
      return next;
    });
  }, []);

  return { clientErrors: errors, setClientErrors: setErrors, setClientError: setError };
}
