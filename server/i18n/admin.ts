/**
 * The treasurer screens' words, Indonesian first and English: labels, tab names, confirmations and
 * the sentences that say what was recorded. Error messages are in errors.ts, receipts in receipt.ts,
 * the audit log's sentences in audit.ts, public pages in messages.ts.
 */
import { ADMIN_EN } from "./admin-en";
import { ADMIN_ID } from "./admin-id";

export const ADMIN_MESSAGES = { id: ADMIN_ID, en: ADMIN_EN };

export type AdminMessages = typeof ADMIN_ID;
