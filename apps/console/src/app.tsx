import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { HOME_PATH, RequireAuth } from './auth/require-auth';
import { PageSpinner } from './shared/page-spinner';

const LoginPage = lazy(() => import('./pages/login/login.page').then((m) => ({ default: m.LoginPage })));
const ConsoleLayout = lazy(() => import('./layout/console-layout').then((m) => ({ default: m.ConsoleLayout })));
const OverviewPage = lazy(() => import('./pages/overview/overview.page').then((m) => ({ default: m.OverviewPage })));
const MemberListPage = lazy(() => import('./pages/members/member-list.page').then((m) => ({ default: m.MemberListPage })));
const MemberDetailPage = lazy(() => import('./pages/members/member-detail.page').then((m) => ({ default: m.MemberDetailPage })));
const ProductListPage = lazy(() => import('./pages/products/product-list.page').then((m) => ({ default: m.ProductListPage })));
const QuestionnaireListPage = lazy(() => import('./pages/questionnaires/questionnaire-list.page').then((m) => ({ default: m.QuestionnaireListPage })));
const QuestionnaireEditorPage = lazy(() =>
  import('./pages/questionnaires/questionnaire-editor.page').then((m) => ({ default: m.QuestionnaireEditorPage })),
);
const RecommendationReportPage = lazy(() =>
  import('./pages/recommendations/recommendation-report.page').then((m) => ({ default: m.RecommendationReportPage })),
);
const AppointmentCalendarPage = lazy(() =>
  import('./pages/appointments/appointment-calendar.page').then((m) => ({ default: m.AppointmentCalendarPage })),
);
const AppointmentSettingsPage = lazy(() =>
  import('./pages/appointments/appointment-settings.page').then((m) => ({ default: m.AppointmentSettingsPage })),
);
const EarningRulesPage = lazy(() => import('./pages/loyalty/earning-rules.page').then((m) => ({ default: m.EarningRulesPage })));
const TiersPage = lazy(() => import('./pages/loyalty/tiers.page').then((m) => ({ default: m.TiersPage })));
const RewardsPage = lazy(() => import('./pages/loyalty/rewards.page').then((m) => ({ default: m.RewardsPage })));
const PointsImportPage = lazy(() => import('./pages/loyalty/points-import.page').then((m) => ({ default: m.PointsImportPage })));
const CouponTemplatesPage = lazy(() => import('./pages/coupons/coupon-templates.page').then((m) => ({ default: m.CouponTemplatesPage })));
const SegmentsPage = lazy(() => import('./pages/segments/segments.page').then((m) => ({ default: m.SegmentsPage })));
const CampaignsPage = lazy(() => import('./pages/campaigns/campaigns.page').then((m) => ({ default: m.CampaignsPage })));
const CampaignReportPage = lazy(() => import('./pages/campaigns/campaign-report.page').then((m) => ({ default: m.CampaignReportPage })));
const AnalyticsPage = lazy(() => import('./pages/analytics/analytics.page').then((m) => ({ default: m.AnalyticsPage })));
const StorePurchasePage = lazy(() => import('./pages/purchases/store-purchase.page').then((m) => ({ default: m.StorePurchasePage })));
const OrderListPage = lazy(() => import('./pages/orders/order-list.page').then((m) => ({ default: m.OrderListPage })));
const RedemptionPage = lazy(() => import('./pages/redemptions/redemption.page').then((m) => ({ default: m.RedemptionPage })));
const StoreListPage = lazy(() => import('./pages/stores/store-list.page').then((m) => ({ default: m.StoreListPage })));
const ServiceInboxPage = lazy(() => import('./pages/service/inbox.page').then((m) => ({ default: m.ServiceInboxPage })));
const TicketsPage = lazy(() => import('./pages/service/tickets.page').then((m) => ({ default: m.TicketsPage })));
const TicketDetailPage = lazy(() => import('./pages/service/ticket-detail.page').then((m) => ({ default: m.TicketDetailPage })));
const TasksPage = lazy(() => import('./pages/service/tasks.page').then((m) => ({ default: m.TasksPage })));
const KbPage = lazy(() => import('./pages/service/kb.page').then((m) => ({ default: m.KbPage })));
const CannedRepliesPage = lazy(() => import('./pages/service/canned-replies.page').then((m) => ({ default: m.CannedRepliesPage })));
const ServiceMetricsPage = lazy(() => import('./pages/service/metrics.page').then((m) => ({ default: m.ServiceMetricsPage })));
const NotFoundPage = lazy(() => import('./pages/not-found.page').then((m) => ({ default: m.NotFoundPage })));

const theme: ThemeConfig = { token: { colorPrimary: '#b0456b', colorLink: '#b0456b', borderRadius: 6 } };

export function ConsoleRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <ConsoleLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to={HOME_PATH} replace />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="members" element={<MemberListPage />} />
          <Route path="members/:id" element={<MemberDetailPage />} />
          <Route path="appointments" element={<AppointmentCalendarPage />} />
          <Route path="appointments/settings" element={<AppointmentSettingsPage />} />
          <Route path="products" element={<ProductListPage />} />
          <Route path="questionnaires" element={<QuestionnaireListPage />} />
          <Route path="questionnaires/new" element={<QuestionnaireEditorPage />} />
          <Route path="questionnaires/:id" element={<QuestionnaireEditorPage />} />
          <Route path="recommendations" element={<RecommendationReportPage />} />
          <Route path="loyalty/rules" element={<EarningRulesPage />} />
          <Route path="loyalty/tiers" element={<TiersPage />} />
          <Route path="loyalty/rewards" element={<RewardsPage />} />
          <Route path="loyalty/points-import" element={<PointsImportPage />} />
          <Route path="coupons" element={<CouponTemplatesPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="campaigns" element={<CampaignsPage />} />
          <Route path="campaigns/:id/report" element={<CampaignReportPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="purchases" element={<StorePurchasePage />} />
          <Route path="orders" element={<OrderListPage />} />
          <Route path="redemptions" element={<RedemptionPage />} />
          <Route path="stores" element={<StoreListPage />} />
          <Route path="service/inbox" element={<ServiceInboxPage />} />
          <Route path="service/tickets" element={<TicketsPage />} />
          <Route path="service/tickets/:id" element={<TicketDetailPage />} />
          <Route path="service/tasks" element={<TasksPage />} />
          <Route path="service/kb" element={<KbPage />} />
          <Route path="service/canned-replies" element={<CannedRepliesPage />} />
          <Route path="service/metrics" element={<ServiceMetricsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function ConsoleProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <ConsoleProviders queryClient={queryClient}>
      {/* The API serves this build under /console/. */}
      <BrowserRouter basename="/console">
        <ConsoleRoutes />
      </BrowserRouter>
    </ConsoleProviders>
  );
}
