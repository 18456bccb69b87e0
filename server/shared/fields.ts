/**
 * The zod pieces every verb's input schema is made of (each verb's `Z…Schema` sits beside it and
 * the API validates with it). A group's verbs also take `groupSlug`, which the API checks first.
 */
import { z } from "zod";
import { MONEY_ACCOUNTS } from "@/server/domain/ledger";

export const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid");
export const zMonth = z.string().regex(/^\d{4}-\d{2}$/, "date_invalid");
export const zIdempotencyKey = z.string().min(8).max(100);
export const zRupiah = z.number().int().positive().max(1_000_000_000);
export const zMemberCode = z.string().min(1).max(32);
export const zId = z.number().int().positive();
export const zText = (max: number) => z.string().max(max);
/** Paid from or into the cash box (the default) or the bank. */
export const zVia = z.enum(MONEY_ACCOUNTS).optional();
/** A share in basis points (100 = 1 %). */
export const zBps = z.number().int().min(0).max(10_000);
export const zYear = z.number().int().min(2000).max(2200);
/** A page of a list, newest first. */
export const zPage = z.object({
  beforeId: zId.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** A verb's input on one group's books: its schema's fields and the group. */
export type OnGroup<S extends z.ZodType> = z.output<S> & { groupSlug: string };
/** A read of one group's books that takes nothing else. */
export interface GroupInput {
  groupSlug: string;
}
