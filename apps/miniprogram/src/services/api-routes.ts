import type { API_PREFIX, Routes } from '@glow/contracts';

// Contracts are type-only here (class-validator must never reach the WeChat package), so the paths are
// repeated as literals; `satisfies` makes the type checker fail if they drift from `Routes`.
export const apiPrefix = '/api' satisfies typeof API_PREFIX;

export const apiRoutes = {
  clientConfig: '/client-config',
  privacyPolicy: '/privacy-policy',
  memberLogin: '/auth/member/login',
  refresh: '/auth/refresh',
  join: '/members/join',
  me: '/me',
  meAvatar: '/me/avatar',
  meExport: '/me/export',
  meDelete: '/me/delete',
  skinTest: '/skin/test',
  skinConsent: '/skin/consent',
  skinSessions: '/skin/sessions',
  skinSessionAnswer: (id: string, questionKey: string) => `/skin/sessions/${id}/answers/${questionKey}`,
  skinSessionSubmit: (id: string) => `/skin/sessions/${id}/submit`,
  skinResults: '/skin/results',
  skinResult: (id: string) => `/skin/results/${id}`,
  skinRecommendations: '/skin/recommendations',
  skinRecommendationClicks: '/skin/recommendations/clicks',
  appointmentStores: '/appointments/stores',
  appointmentServices: '/appointments/services',
  appointmentSlots: '/appointments/slots',
  appointments: '/appointments',
  appointmentsMine: '/appointments/mine',
  appointment: (id: string) => `/appointments/${id}`,
  appointmentCancel: (id: string) => `/appointments/${id}/cancel`,
  appointmentReschedule: (id: string) => `/appointments/${id}/reschedule`,
  appointmentFeedback: (id: string) => `/appointments/${id}/feedback`,
} as const satisfies Partial<typeof Routes>;
