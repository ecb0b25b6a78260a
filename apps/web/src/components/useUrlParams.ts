import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type UrlChanges = Record<string, string | number | null | undefined>;

/**
 * A screen's filters, sort and page, kept in the URL (shareable, they survive a reload). `update`
 * merges its changes into the URL as it is now — not as the last render saw it: the router renders
 * a navigation in a transition, so a sort clicked just after a search is cleared may reach a handler
 * of the render before, and merging into that would bring the search back. An empty value removes
 * its parameter.
 */
export function useUrlParams(): [URLSearchParams, (changes: UrlChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlChanges) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update];
}
