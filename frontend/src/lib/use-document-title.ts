import { useEffect } from 'react';

/** Names the browser tab after the page, which is also what screen readers announce first. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Orchestrator Live Sync`;
  }, [title]);
}
