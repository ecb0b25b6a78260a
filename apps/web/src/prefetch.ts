/**
 * Loads the chunk of the screen a person most likely opens next (a nomination, from the inbox or the
 * list) once the current screen is idle, or at once when its link is pointed at, so the click waits
 * only for the API. The router's lazy route imports the same module: the browser fetches it once.
 */
import { useEffect } from 'react';

const NEXT = { nominationDetail: () => import('./pages/NominationDetailPage') };

export function prefetchScreen(screen: keyof typeof NEXT): void {
  void NEXT[screen]().catch(() => undefined); // a failed prefetch is retried by the route
}

export function usePrefetchScreen(screen: keyof typeof NEXT): void {
  useEffect(() => {
    const load = () => prefetchScreen(screen);
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(load, { timeout: 2000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = setTimeout(load, 200);
    return () => clearTimeout(handle);
  }, [screen]);
}
