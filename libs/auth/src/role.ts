/** The platform's roles (PRODUCT.md 2). Staff members answer through invitation links and hold no account. */
export enum Role {
  Admin = 'admin',
  Commission = 'commission',
  Hr = 'hr',
  Judge = 'judge',
  Jury = 'jury',
}

export const ROLES = Object.values(Role) as [Role, ...Role[]];
