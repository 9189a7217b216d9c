import type { StaffProfile, StaffRole } from '@glow/contracts';
import { useSession } from './use-session';

/** What a role may do in the console; the API enforces the same rules, this only hides what would be refused. */
export type Capability =
  | 'catalog:edit'
  | 'questionnaire:edit'
  | 'member:tag'
  | 'recommendation:view'
  | 'appointment:operate'
  | 'appointment:configure'
  | 'order:record'
  | 'loyalty:configure'
  | 'points:adjust'
  | 'redemption:fulfil'
  | 'coupon:configure'
  | 'coupon:issue'
  | 'campaign:configure'
  | 'analytics:view'
  | 'service:chat'
  | 'service:supervise'
  | 'service:ticket'
  | 'service:task'
  | 'service:kb'
  | 'service:kb-edit'
  | 'service:canned'
  | 'service:canned-shared'
  | 'service:metrics';

const ALLOWED_ROLES: Record<Capability, readonly StaffRole[]> = {
  'catalog:edit': ['marketer', 'admin'],
  'questionnaire:edit': ['marketer', 'admin'],
  'member:tag': ['advisor', 'store_manager', 'admin'],
  'recommendation:view': ['marketer', 'admin'],
  // Check in, complete, mark no-show and cancel bookings.
  'appointment:operate': ['advisor', 'store_manager', 'admin'],
  // Services, store hours and advisor shifts; store managers only for their own store (see canConfigureStore).
  'appointment:configure': ['store_manager', 'admin'],
  // Record store purchases and refunds (store staff for their own store).
  'order:record': ['advisor', 'store_manager', 'admin'],
  // Earning rules, tiers, points-mall rewards.
  'loyalty:configure': ['marketer', 'admin'],
  // Manual points adjustments and the opening-balance import.
  'points:adjust': ['admin'],
  // Hand over a redeemed reward by its pickup code, or cancel a redemption.
  'redemption:fulfil': ['advisor', 'store_manager', 'admin'],
  // Create, edit, publish, pause and end coupon templates; revoke a member's coupon. Using coupons at the till
  // follows 'order:record'.
  'coupon:configure': ['marketer', 'admin'],
  // Issue a compensation or goodwill coupon to a member (store managers for members of their store).
  'coupon:issue': ['marketer', 'store_manager', 'admin'],
  // Segments and campaigns: build audiences, launch, pause and end campaigns, read their reports.
  'campaign:configure': ['marketer', 'admin'],
  // Store-wide analytics; store managers see their own store's (the API scopes them).
  'analytics:view': ['marketer', 'store_manager', 'admin'],
  // Advisor service, as the API allows it. Members are served by the people who work with them: advisors, their store
  // managers, and admins (who cover every store). Marketers own no conversations, tickets or follow-ups; they keep the
  // knowledge base the bot answers from and read the service metrics, brand-wide.
  // The chat workbench: take conversations from the queue, reply, transfer, resolve, and send a compensation coupon
  // (issued once per click and audited by the API; unlike 'coupon:issue', it is tied to a member's conversation).
  'service:chat': ['advisor', 'store_manager', 'admin'],
  // See every conversation of the store (store managers) or of every store (admins), and act on any of them.
  'service:supervise': ['store_manager', 'admin'],
  // Open, work on and close tickets, with compensations (the API limits advisors and store managers to their store).
  'service:ticket': ['advisor', 'store_manager', 'admin'],
  // Follow-up tasks: the day's list, done or skipped with an outcome. Marketers may read the list through the API but
  // close nothing, so the page is not offered to them.
  'service:task': ['advisor', 'store_manager', 'admin'],
  // Read the knowledge base and try the matcher.
  'service:kb': ['advisor', 'store_manager', 'marketer', 'admin'],
  // Write the FAQ articles: the service leads, who see what members ask and how often the bot still had to hand over,
  // and marketers, who own the brand's wording. Advisors read and test them.
  'service:kb-edit': ['store_manager', 'marketer', 'admin'],
  // Canned replies are a chat tool: everyone at the workbench keeps personal ones.
  'service:canned': ['advisor', 'store_manager', 'admin'],
  // Shared canned replies, offered to every advisor.
  'service:canned-shared': ['store_manager', 'admin'],
  // Response times, CSAT and workload per advisor and store (advisors and store managers see their own store's).
  'service:metrics': ['advisor', 'store_manager', 'marketer', 'admin'],
};

export function can(role: StaffRole | null | undefined, capability: Capability): boolean {
  return role ? ALLOWED_ROLES[capability].includes(role) : false;
}

/** Whether the signed-in staff member has `capability`. */
export function useCan(capability: Capability): boolean {
  const session = useSession();
  return can(session?.staff.role, capability);
}

type StaffScope = Pick<StaffProfile, 'role' | 'storeId'>;

/** The one store advisors and store managers work in; null for marketers and admins, who see every store. */
export function storeScopeOf(staff: StaffScope | null | undefined): string | null {
  if (!staff) return null;
  return staff.role === 'advisor' || staff.role === 'store_manager' ? staff.storeId : null;
}

/** Admins configure appointments of every store, store managers of their own only. */
export function canConfigureStore(staff: StaffScope | null | undefined, storeId: string | null | undefined): boolean {
  if (!staff || !storeId || !can(staff.role, 'appointment:configure')) return false;
  return staff.role === 'admin' || staff.storeId === storeId;
}
