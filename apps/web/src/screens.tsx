/**
 * The screens: every screen, its menu entry and who sees it. Screens are loaded lazily (one
 * chunk each), so the first load carries only the shell. To add a screen (decisions, people,
 * campaigns, statistics…): one entry here with its `menu` and `roles`; nothing else to wire.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  FlagOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  InboxOutlined,
  NotificationOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Params } from 'react-router';
import type { Role } from './auth/AuthProvider';
import { prefetchNomination } from './nominations/queries';
import { queryClient } from './query-client';

export interface Screen {
  path: string;
  load: () => Promise<{ default: React.ComponentType }>;
  /** Shown in the side menu with this label (and icon); omitted for detail pages. */
  menu?: { label: string; icon: ReactNode };
  /** Who may open it (any signed-in person when omitted). */
  roles?: Role[];
  /** Open to the public, without signing in. */
  public?: boolean;
  /** Reads to start as soon as the navigation begins, while the screen's chunk loads (not awaited). */
  prefetch?: (params: Params) => void;
}

const OFFICIALS: Role[] = [
  'UNIT_OFFICER',
  'UNIT_HEAD',
  'CLUSTER_LEADER',
  'COUNCIL_SECRETARY',
  'COUNCIL_MEMBER',
  'CHAIRMAN',
  'AUDITOR',
];
const COUNCIL: Role[] = ['COUNCIL_SECRETARY', 'COUNCIL_MEMBER', 'CHAIRMAN', 'AUDITOR'];

export const SCREENS: Screen[] = [
  { path: '/', load: () => import('./pages/InboxPage'), menu: { label: 'Việc cần xử lý', icon: <InboxOutlined /> } },
  {
    path: '/nominations',
    load: () => import('./pages/NominationsPage'),
    menu: { label: 'Hồ sơ đề nghị', icon: <FileTextOutlined /> },
    roles: OFFICIALS,
  },
  { path: '/nominations/new', load: () => import('./pages/NominationFormPage'), roles: ['UNIT_OFFICER'] },
  { path: '/nominations/:id/edit', load: () => import('./pages/NominationFormPage'), roles: ['UNIT_OFFICER'] },
  {
    path: '/nominations/:id',
    load: () => import('./pages/NominationDetailPage'),
    prefetch: ({ id }) => id && prefetchNomination(queryClient, id),
  },
  {
    path: '/sessions',
    load: () => import('./pages/SessionsPage'),
    menu: { label: 'Phiên họp hội đồng', icon: <TeamOutlined /> },
    roles: COUNCIL,
  },
  { path: '/sessions/:id', load: () => import('./pages/SessionDetailPage'), roles: COUNCIL },
  {
    path: '/decisions',
    load: () => import('./pages/DecisionsPage'),
    menu: { label: 'Quyết định khen thưởng', icon: <FileDoneOutlined /> },
    roles: COUNCIL,
  },
  { path: '/decisions/new', load: () => import('./pages/DecisionDraftPage'), roles: ['COUNCIL_SECRETARY'] },
  { path: '/decisions/:id', load: () => import('./pages/DecisionDetailPage'), roles: COUNCIL },
  {
    path: '/signing',
    load: () => import('./pages/SigningDeskPage'),
    menu: { label: 'Ký quyết định', icon: <FormOutlined /> },
    roles: ['CHAIRMAN'],
  },
  {
    path: '/people',
    load: () => import('./pages/PeoplePage'),
    menu: { label: 'Nhân sự', icon: <SolutionOutlined /> },
    roles: OFFICIALS,
  },
  {
    path: '/people/import',
    load: () => import('./pages/PeopleImportPage'),
    roles: ['UNIT_OFFICER', 'UNIT_HEAD', 'COUNCIL_SECRETARY'],
  },
  { path: '/people/:id', load: () => import('./pages/PersonDetailPage'), roles: OFFICIALS },
  {
    path: '/sub-units',
    load: () => import('./pages/SubUnitsPage'),
    menu: { label: 'Bộ phận trực thuộc', icon: <ApartmentOutlined /> },
    roles: OFFICIALS,
  },
  { path: '/sub-units/:id', load: () => import('./pages/SubUnitDetailPage'), roles: OFFICIALS },
  {
    path: '/campaigns',
    load: () => import('./pages/CampaignsPage'),
    menu: { label: 'Đợt thi đua', icon: <FlagOutlined /> },
    roles: OFFICIALS,
  },
  { path: '/campaigns/:id', load: () => import('./pages/CampaignDetailPage'), roles: OFFICIALS },
  {
    path: '/statistics',
    load: () => import('./pages/StatisticsPage'),
    menu: { label: 'Thống kê', icon: <BarChartOutlined /> },
    roles: OFFICIALS,
  },
  {
    path: '/registry',
    load: () => import('./pages/RegistryPage'),
    menu: { label: 'Tra cứu khen thưởng', icon: <SearchOutlined /> },
    public: true,
  },
  {
    path: '/public-notices',
    load: () => import('./pages/PublicNoticesPage'),
    menu: { label: 'Công khai lấy ý kiến', icon: <NotificationOutlined /> },
    public: true,
  },
  {
    path: '/exemplary-models',
    load: () => import('./pages/ExemplaryModelsPage'),
    menu: { label: 'Gương điển hình', icon: <TrophyOutlined /> },
    public: true,
  },
  {
    path: '/audit',
    load: () => import('./pages/AuditPage'),
    menu: { label: 'Nhật ký kiểm toán', icon: <AuditOutlined /> },
    public: true,
  },
];
