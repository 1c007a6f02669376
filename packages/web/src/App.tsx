import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, useAuth } from './auth/auth.js';
import { DemoBanner } from './components/DemoBanner.js';
import { ChangePasswordModal } from './features/auth/ChangePasswordModal.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { MENU } from './layout/menu.js';

// The signed-in shell (menu, header) loads after sign-in, keeping the sign-in page small.
const AppLayout = lazy(() => import('./layout/AppLayout.js').then((m) => ({ default: m.AppLayout })));
const WorkbenchPage = lazy(() =>
  import('./features/workbench/WorkbenchPage.js').then((m) => ({ default: m.WorkbenchPage })),
);
const PlanListPage = lazy(() =>
  import('./features/plans/PlanListPage.js').then((m) => ({ default: m.PlanListPage })),
);
const PlanViewPage = lazy(() =>
  import('./features/plans/PlanViewPage.js').then((m) => ({ default: m.PlanViewPage })),
);
const TaskDetailPage = lazy(() =>
  import('./features/tasks/TaskDetailPage.js').then((m) => ({ default: m.TaskDetailPage })),
);
const PrintPlanPage = lazy(() =>
  import('./features/plans/PrintPlanPage.js').then((m) => ({ default: m.PrintPlanPage })),
);
const MyTasksPage = lazy(() =>
  import('./features/my-tasks/MyTasksPage.js').then((m) => ({ default: m.MyTasksPage })),
);
const ReportPage = lazy(() =>
  import('./features/reports/ReportPage.js').then((m) => ({ default: m.ReportPage })),
);
const ReviewPage = lazy(() =>
  import('./features/review/ReviewPage.js').then((m) => ({ default: m.ReviewPage })),
);
const SupervisionPage = lazy(() =>
  import('./features/supervision/SupervisionPage.js').then((m) => ({ default: m.SupervisionPage })),
);
// The timeline draws with ECharts: loaded with its page, like the dashboard.
const TimelinePage = lazy(() =>
  import('./features/milestones/TimelinePage.js').then((m) => ({ default: m.TimelinePage })),
);
const AssessmentPage = lazy(() =>
  import('./features/assessment/AssessmentPage.js').then((m) => ({ default: m.AssessmentPage })),
);
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const ImportPage = lazy(() =>
  import('./features/import/ImportPage.js').then((m) => ({ default: m.ImportPage })),
);
const ImportReviewPage = lazy(() =>
  import('./features/import/ImportReviewPage.js').then((m) => ({ default: m.ImportReviewPage })),
);
const AuditPage = lazy(() => import('./features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const InboxPage = lazy(() =>
  import('./features/cascade/InboxPage.js').then((m) => ({ default: m.InboxPage })),
);
const PlatformPage = lazy(() =>
  import('./features/platform/PlatformPage.js').then((m) => ({ default: m.PlatformPage })),
);
const ValuesPage = lazy(() =>
  import('./features/values/ValuesPage.js').then((m) => ({ default: m.ValuesPage })),
);
// The public page (公示): no shell, no sign-in.
const PublicPlanPage = lazy(() =>
  import('./features/public/PublicPlanPage.js').then((m) => ({ default: m.PublicPlanPage })),
);
const AdminPage = lazy(() => import('./features/admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));

function Loading(): ReactNode {
  const { t } = useI18n();
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin description={t('common.loading')} size="large">
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

function NotFound(): ReactNode {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('notFound.title')} />;
}

function Guarded(): ReactNode {
  const { user, refresh } = useAuth();
  if (!user) return <Loading />;
  // A reset or expired password: the server answers nothing else until it is changed, so neither does the page.
  if (user.passwordChange)
    return <ChangePasswordModal open forced={user.passwordChange} onClose={() => void refresh()} />;
  return <AppLayout />;
}

/** The workbench, or for an administrator who reads no plans (security, audit) their first screen. */
function Home(): ReactNode {
  const { allowed } = useAuth();
  if (allowed('plan.read')) return <WorkbenchPage />;
  const first = MENU.find((entry) => entry.needs !== 'reporter' && allowed(entry.needs));
  return first ? <Navigate to={first.path} replace /> : <NotFound />;
}

function AppRoutes(): ReactNode {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/plans/:planId/print" element={<PrintPlanPage />} />
        <Route path="/public/:publicId" element={<PublicPlanPage />} />
        <Route element={<Guarded />}>
          <Route index element={<Home />} />
          <Route path="/my-tasks" element={<MyTasksPage />} />
          <Route path="/values" element={<ValuesPage />} />
          <Route path="/reports/new/:itemId/:unitId/:periodId" element={<ReportPage />} />
          <Route path="/reports/:reportId" element={<ReportPage />} />
          <Route path="/plans" element={<PlanListPage />} />
          <Route path="/plans/:planId" element={<PlanViewPage />} />
          <Route path="/plans/:planId/tasks/:taskId" element={<TaskDetailPage />} />
          <Route path="/review" element={<ReviewPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/supervision" element={<SupervisionPage />} />
          <Route path="/timeline" element={<TimelinePage />} />
          <Route path="/assessment" element={<AssessmentPage />} />
          <Route path="/import" element={<ImportPage />} />
          <Route path="/import/:planId" element={<ImportReviewPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/platform" element={<PlatformPage />} />
          <Route path="/cascade" element={<InboxPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function Localized({ children }: { children: ReactNode }): ReactNode {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4, fontSize: 14 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App(): ReactNode {
  return (
    <I18nProvider>
      <Localized>
        <BrowserRouter>
          <AuthProvider>
            <DemoBanner />
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </Localized>
    </I18nProvider>
  );
}
