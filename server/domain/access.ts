/**
 * Who may do what on a group's books. A user serves some groups (an admin serves every group) in
 * one role; what a role may do there is this table. The API checks it before calling a verb, and
 * each verb checks it again inside its own transaction, so a caller that forgets cannot skip it.
 */
export const ROLES = ["admin", "bendahara", "pengawas"] as const;
export type Role = (typeof ROLES)[number];

export type Access = "read" | "write" | "countersign" | "admin";

const ALLOWED: Record<Access, readonly Role[]> = {
  read: ["admin", "bendahara", "pengawas"],
  write: ["admin", "bendahara"],
  countersign: ["admin", "pengawas"],
  admin: ["admin"],
};

export const mayDo = (role: Role, access: Access): boolean => ALLOWED[access].includes(role);
