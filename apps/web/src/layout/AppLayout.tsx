import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, type Role } from '../auth/AuthProvider';
import { SCREENS } from '../screens';

const { Header, Sider, Content } = Layout;

/** The shell of every screen: side menu (entries by role), header with who is signed in. */
export function AppLayout() {
  const { status, me, hasRole, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const items = SCREENS.filter(
    (s) => s.menu && (s.public || (status === 'signedIn' && (!s.roles || hasRole(...s.roles)))),
  ).map((s) => ({ key: s.path, icon: s.menu!.icon, label: <Link to={s.path}>{s.menu!.label}</Link> }));
  const selected =
    SCREENS.filter((s) => s.menu && (s.path === '/' ? location.pathname === '/' : location.pathname.startsWith(s.path)))
      .map((s) => s.path)
      .slice(-1) ?? [];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        Bỏ qua menu, đến nội dung chính
      </a>
      <Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#8e0000' }}
        role="banner"
      >
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          TĐKT
        </Link>
        {screens.md && (
          <Typography.Text style={{ color: '#ffd7d7' }} ellipsis>
            Quản lý thi đua, khen thưởng
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        {status === 'signedIn' && me ? (
          <Space size="small" style={{ color: '#fff' }} data-testid="current-user">
            <UserOutlined aria-hidden />
            <span style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {me.displayName}
            </span>
            {me.roleLabels.map((r) => (
              <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
                {r}
              </Tag>
            ))}
            {me.unitName && screens.lg && <Tag color="default">{me.unitName}</Tag>}
            <Button
              size="small"
              icon={<LogoutOutlined />}
              onClick={async () => {
                await signOut();
                navigate('/login');
              }}
            >
              Đăng xuất
            </Button>
          </Space>
        ) : status === 'anonymous' ? (
          <Button
            icon={<LoginOutlined />}
            onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
          >
            Đăng nhập
          </Button>
        ) : null}
      </Header>
      <Layout>
        <Sider breakpoint="lg" collapsedWidth={56} width={220} theme="light" aria-label="Menu chính">
          <nav>
            <Menu mode="inline" selectedKeys={selected} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Sider>
        <Content id="main" role="main" tabIndex={-1} style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

/** Screens behind sign-in: wait for the session to be restored, else go to the sign-in page and come back. */
export function RequireSignIn() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Spin tip="Đang khôi phục phiên đăng nhập…" fullscreen />;
  if (status === 'anonymous')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/** A screen for some roles only: the others read why, instead of an empty page. */
export function RoleGate({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { hasRole, status } = useAuth();
  if (roles && status === 'signedIn' && !hasRole(...roles))
    return <Result status="403" title="Không có quyền" subTitle="Vai trò của anh/chị không dùng màn hình này." />;
  return <>{children}</>;
}
