import type { Routes } from '@glow/contracts';

type ContractRoutes = typeof Routes;

/**
 * The contract routes this console calls. They are repeated here as values because importing values from the
 * contracts barrel would evaluate its class-validator / class-transformer decorators in the browser (they need
 * reflect-metadata); `satisfies` fails the typecheck as soon as a path drifts from the contract.
 */
export const apiRoutes = {
  staffLogin: '/auth/staff/login',
  refresh: '/auth/refresh',
  logout: '/auth/logout',
  staffMe: '/staff/me',
  staffMembers: '/staff/members',
  staffMemberOverview: '/staff/members/overview',
  staffMember: (id: string) => `/staff/members/${id}` as const,
  staffMemberPortrait: (id: string) => `/staff/members/${id}/portrait` as const,
  staffMemberTags: (id: string) => `/staff/members/${id}/tags` as const,
  staffMemberTag: (id: string, tagId: string) => `/staff/members/${id}/tags/${tagId}` as const,
  staffTags: '/staff/tags',
  staffStores: '/staff/stores',
  storeQrCode: (id: string) => `/staff/stores/${id}/qrcode` as const,
  staffProducts: '/staff/products',
  staffProduct: (id: string) => `/staff/products/${id}` as const,
  staffProductImport: '/staff/products/import',
  staffProductImportTemplate: '/staff/products/import-template',
  staffQuestionnaires: '/staff/questionnaires',
  staffQuestionnaire: (id: string) => `/staff/questionnaires/${id}` as const,
  staffQuestionnaireDraft: (id: string) => `/staff/questionnaires/${id}/draft` as const,
  staffQuestionnairePublish: (id: string) => `/staff/questionnaires/${id}/publish` as const,
  staffQuestionnairePrimary: (id: string) => `/staff/questionnaires/${id}/primary` as const,
  staffRecommendationReport: '/staff/recommendations/report',
  staffAppointments: '/staff/appointments',
  staffAppointmentCheckIn: '/staff/appointments/check-in',
  staffAppointmentComplete: (id: string) => `/staff/appointments/${id}/complete` as const,
  staffAppointmentNoShow: (id: string) => `/staff/appointments/${id}/no-show` as const,
  staffAppointmentCancel: (id: string) => `/staff/appointments/${id}/cancel` as const,
  staffServices: '/staff/services',
  staffService: (id: string) => `/staff/services/${id}` as const,
  staffStoreSchedule: (id: string) => `/staff/stores/${id}/schedule` as const,
  staffAdvisorSchedules: '/staff/advisor-schedules',
  staffAdvisorSchedule: (advisorId: string) => `/staff/advisor-schedules/${advisorId}` as const,
  staffAppointmentPolicy: '/staff/appointment-policy',
  staffMemberCodeResolve: '/staff/member-code/resolve',
  staffStorePurchase: '/staff/orders/store-purchase',
  staffOrders: '/staff/orders',
  staffOrder: (id: string) => `/staff/orders/${id}` as const,
  staffOrderRefund: (id: string) => `/staff/orders/${id}/refunds` as const,
  staffMemberPoints: (id: string) => `/staff/members/${id}/points` as const,
  staffMemberPointsAdjust: (id: string) => `/staff/members/${id}/points/adjustments` as const,
  staffEarningRules: '/staff/loyalty/earning-rules',
  staffTiers: '/staff/loyalty/tiers',
  staffRewards: '/staff/loyalty/rewards',
  staffReward: (id: string) => `/staff/loyalty/rewards/${id}` as const,
  staffRedemptions: '/staff/loyalty/redemptions',
  staffRedemptionPickup: '/staff/loyalty/redemptions/pickup',
  staffRedemptionCancel: (id: string) => `/staff/loyalty/redemptions/${id}/cancel` as const,
  staffPointsImports: '/staff/loyalty/points-imports',
  staffPointsImport: (id: string) => `/staff/loyalty/points-imports/${id}` as const,
  staffPointsImportTemplate: '/staff/loyalty/points-imports/template',
  staffPointsInvariant: '/staff/loyalty/invariant',
  staffCouponTemplates: '/staff/coupon-templates',
  staffCouponTemplate: (id: string) => `/staff/coupon-templates/${id}` as const,
  staffCouponTemplateStatus: (id: string) => `/staff/coupon-templates/${id}/status` as const,
  staffCouponTemplatePreview: '/staff/coupon-templates/preview',
  staffMemberCoupons: (id: string) => `/staff/members/${id}/coupons` as const,
  staffCouponResolve: '/staff/coupons/resolve',
  staffCouponRedeem: '/staff/coupons/redeem',
  staffCouponRevoke: (id: string) => `/staff/coupons/${id}/revoke` as const,
  staffSegments: '/staff/segments',
  staffSegment: (id: string) => `/staff/segments/${id}` as const,
  staffSegmentPreview: '/staff/segments/preview',
  staffCampaigns: '/staff/campaigns',
  staffCampaign: (id: string) => `/staff/campaigns/${id}` as const,
  staffCampaignStatus: (id: string) => `/staff/campaigns/${id}/status` as const,
  staffCampaignRuns: (id: string) => `/staff/campaigns/${id}/runs` as const,
  staffCampaignReport: (id: string) => `/staff/campaigns/${id}/report` as const,
  staffCampaignReportExport: (id: string) => `/staff/campaigns/${id}/report/export` as const,
  staffAnalytics: '/staff/analytics',
  staffAnalyticsExport: '/staff/analytics/export',
  chatImages: '/chat/images',
  staffConversations: '/staff/conversations',
  staffConversation: (id: string) => `/staff/conversations/${id}` as const,
  staffConversationMessages: (id: string) => `/staff/conversations/${id}/messages` as const,
  staffConversationRead: (id: string) => `/staff/conversations/${id}/read` as const,
  staffConversationClaim: (id: string) => `/staff/conversations/${id}/claim` as const,
  staffConversationTransfer: (id: string) => `/staff/conversations/${id}/transfer` as const,
  staffConversationStatus: (id: string) => `/staff/conversations/${id}/status` as const,
  staffConversationLabels: (id: string) => `/staff/conversations/${id}/labels` as const,
  staffConversationCompensation: (id: string) => `/staff/conversations/${id}/compensation` as const,
  staffAdvisors: '/staff/advisors',
  staffAdvisorSettings: '/staff/advisors/me',
  staffCannedReplies: '/staff/canned-replies',
  staffCannedReply: (id: string) => `/staff/canned-replies/${id}` as const,
  staffKb: '/staff/kb',
  staffKbArticle: (id: string) => `/staff/kb/${id}` as const,
  staffKbMatch: '/staff/kb/match',
  staffMember360: (id: string) => `/staff/members/${id}/360` as const,
  staffMemberBookings: (id: string) => `/staff/members/${id}/bookings` as const,
  staffTickets: '/staff/tickets',
  staffTicket: (id: string) => `/staff/tickets/${id}` as const,
  staffTicketStatus: (id: string) => `/staff/tickets/${id}/status` as const,
  staffTicketAssign: (id: string) => `/staff/tickets/${id}/assign` as const,
  staffTicketNotes: (id: string) => `/staff/tickets/${id}/notes` as const,
  staffTicketCompensations: (id: string) => `/staff/tickets/${id}/compensations` as const,
  staffTasks: '/staff/tasks',
  staffTask: (id: string) => `/staff/tasks/${id}` as const,
  staffServiceMetrics: '/staff/service-metrics',
} as const satisfies Pick<
  ContractRoutes,
  | 'staffLogin'
  | 'refresh'
  | 'logout'
  | 'staffMe'
  | 'staffMembers'
  | 'staffMemberOverview'
  | 'staffMember'
  | 'staffMemberPortrait'
  | 'staffMemberTags'
  | 'staffMemberTag'
  | 'staffTags'
  | 'staffStores'
  | 'storeQrCode'
  | 'staffProducts'
  | 'staffProduct'
  | 'staffProductImport'
  | 'staffProductImportTemplate'
  | 'staffQuestionnaires'
  | 'staffQuestionnaire'
  | 'staffQuestionnaireDraft'
  | 'staffQuestionnairePublish'
  | 'staffQuestionnairePrimary'
  | 'staffRecommendationReport'
  | 'staffAppointments'
  | 'staffAppointmentCheckIn'
  | 'staffAppointmentComplete'
  | 'staffAppointmentNoShow'
  | 'staffAppointmentCancel'
  | 'staffServices'
  | 'staffService'
  | 'staffStoreSchedule'
  | 'staffAdvisorSchedules'
  | 'staffAdvisorSchedule'
  | 'staffAppointmentPolicy'
  | 'staffMemberCodeResolve'
  | 'staffStorePurchase'
  | 'staffOrders'
  | 'staffOrder'
  | 'staffOrderRefund'
  | 'staffMemberPoints'
  | 'staffMemberPointsAdjust'
  | 'staffEarningRules'
  | 'staffTiers'
  | 'staffRewards'
  | 'staffReward'
  | 'staffRedemptions'
  | 'staffRedemptionPickup'
  | 'staffRedemptionCancel'
  | 'staffPointsImports'
  | 'staffPointsImport'
  | 'staffPointsImportTemplate'
  | 'staffPointsInvariant'
  | 'staffCouponTemplates'
  | 'staffCouponTemplate'
  | 'staffCouponTemplateStatus'
  | 'staffCouponTemplatePreview'
  | 'staffMemberCoupons'
  | 'staffCouponResolve'
  | 'staffCouponRedeem'
  | 'staffCouponRevoke'
  | 'staffSegments'
  | 'staffSegment'
  | 'staffSegmentPreview'
  | 'staffCampaigns'
  | 'staffCampaign'
  | 'staffCampaignStatus'
  | 'staffCampaignRuns'
  | 'staffCampaignReport'
  | 'staffCampaignReportExport'
  | 'staffAnalytics'
  | 'staffAnalyticsExport'
  | 'chatImages'
  | 'staffConversations'
  | 'staffConversation'
  | 'staffConversationMessages'
  | 'staffConversationRead'
  | 'staffConversationClaim'
  | 'staffConversationTransfer'
  | 'staffConversationStatus'
  | 'staffConversationLabels'
  | 'staffConversationCompensation'
  | 'staffAdvisors'
  | 'staffAdvisorSettings'
  | 'staffCannedReplies'
  | 'staffCannedReply'
  | 'staffKb'
  | 'staffKbArticle'
  | 'staffKbMatch'
  | 'staffMember360'
  | 'staffMemberBookings'
  | 'staffTickets'
  | 'staffTicket'
  | 'staffTicketStatus'
  | 'staffTicketAssign'
  | 'staffTicketNotes'
  | 'staffTicketCompensations'
  | 'staffTasks'
  | 'staffTask'
  | 'staffServiceMetrics'
>;
