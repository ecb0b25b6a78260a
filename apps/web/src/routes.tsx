/** The router: the screens of screens.tsx, public ones outside the sign-in gate, each lazily loaded. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout, RequireSignIn, RoleGate } from './layout/AppLayout';
import { SCREENS, type Screen } from './screens';

const lazy =
  (s: Screen): RouteObject['lazy'] =>
  async () => {
    const Page = (await s.load()).default;
    return {
      Component: () => (
        <RoleGate roles={s.roles}>
          <Page />
        </RoleGate>
      ),
    };
  };

/** While the first screen's chunk loads: the same shell index.html paints before any script runs. */
const BootShell = () => (
  <>
    <div className="boot-header">
      <strong>TĐKT</strong>
      <span>Quản lý thi đua, khen thưởng</span>
    </div>
    <p className="boot-text" role="status">
      Đang tải ứng dụng…
    </p>
  </>
);

export const router = createBrowserRouter([
  {
    path: '/login',
    hydrateFallbackElement: <BootShell />,
    lazy: async () => ({ Component: (await import('./pages/LoginPage')).default }),
  },
  {
    element: <AppLayout />,
    hydrateFallbackElement: <BootShell />,
    children: [
      ...SCREENS.filter((s) => s.public).map((s) => ({ path: s.path, lazy: lazy(s) })),
      {
        element: <RequireSignIn />,
        children: SCREENS.filter((s) => !s.public).map((s) => ({ path: s.path, lazy: lazy(s) })),
      },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/NotFoundPage')).default }) },
    ],
  },
]);
