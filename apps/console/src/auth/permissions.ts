import type { StaffRole } from '@glow/contracts';
import { useSession } from './use-session';

/** What a role may do in the console; the API enforces the same rules, this only hides what would be refused. */
export type Capability = 'catalog:edit' | 'questionnaire:edit' | 'member:tag' | 'recommendation:view';

const ALLOWED_ROLES: Record<Capability, readonly StaffRole[]> = {
  'catalog:edit': ['marketer', 'admin'],
  'questionnaire:edit': ['marketer', 'admin'],
  'member:tag': ['advisor', 'store_manager', 'admin'],
  'recommendation:view': ['marketer', 'admin'],
};

export function can(role: StaffRole | null | undefined, capability: Capability): boolean {
  return role ? ALLOWED_ROLES[capability].includes(role) : false;
}

/** Whether the signed-in staff member has `capability`. */
export function useCan(capability: Capability): boolean {
  const session = useSession();
  return can(session?.staff.role, capability);
}
