/** The router: the screens of screens.tsx, public ones outside the sign-in gate, each lazily loaded. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { accessToken } from './auth/session';
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

/** A screen's route: its chunk loaded lazily and, signed in, its reads started at the same time. */
const route = (s: Screen): RouteObject => ({
  path: s.path,
  lazy: lazy(s),
  ...(s.prefetch && {
    loader: ({ params }) => {
      if (accessToken()) s.prefetch!(params);
      return null;
    },
  }),
});

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
      ...SCREENS.filter((s) => s.public).map(route),
      {
        element: <RequireSignIn />,
        children: SCREENS.filter((s) => !s.public).map(route),
      },
      { path: '*', lazy: async () => ({ Component: (await import('./pages/NotFoundPage')).default }) },
    ],
  },
]);
