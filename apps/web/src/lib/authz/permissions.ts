import type { Role } from "./roles.ts";

/** The authorization matrix, enforced by `checkMembership` callers and shown on the members page. */
export const PERMISSIONS = {
  viewDashboard: "member",
  viewBilling: "member",
  buyCredits: "admin",
  manageAutoTopup: "admin",
  manageKeys: "admin",
  manageRouting: "admin",
  manageDataPolicy: "admin",
  manageMembers: "admin",
  /** Granting or removing the owner role, or changing an owner, needs an owner. */
  manageOwners: "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LABELS: Record<Permission, string> = {
  viewDashboard: "View keys, activity, usage, models and settings",
  viewBilling: "View balance and transactions",
  buyCredits: "Buy credits",
  manageAutoTopup: "Configure auto top-up",
  manageKeys: "Create, disable and delete API keys",
  manageRouting: "Change provider preferences",
  manageDataPolicy: "Change data-policy rules",
  manageMembers: "Invite members, change roles, remove members",
  manageOwners: "Grant, change or remove the owner role",
};
