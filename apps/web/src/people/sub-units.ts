/** Sub-units (phòng, tổ, khoa…) on the screens: the domain's kinds and rules, and the reader as the domain's actor. */
import type { Me } from '../auth/AuthProvider';
import type { Actor, Role } from '../../../../libs/domain/src/shared/actor';

export { readablePersonUnits } from '../../../../libs/domain/src/read-access/read-access';
export {
  mayRegisterSubUnit,
  SUB_UNIT_KIND_LABELS,
  SUB_UNIT_KINDS,
} from '../../../../libs/domain/src/sub-unit/sub-unit';

/** The signed-in person as the domain's rules see them (roles and scope, as the API reads them from the token). */
export const asActor = (me: Me): Actor => ({
  userId: me.username,
  roles: me.roles as Role[],
  unitId: me.unitId ?? undefined,
  clusterId: me.clusterId ?? undefined,
});

export const subUnitKeys = {
  list: (unitId: string) => ['sub-units', 'list', unitId] as const,
  detail: (id: string) => ['sub-units', 'detail', id] as const,
};
