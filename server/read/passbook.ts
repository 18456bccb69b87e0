/**
 * The member's passbook (buku anggota): the only public place where one member's figures
 * appear, opened with her member code and personal check code (kode cek). Wrong codes get one
 * generic answer; tries are slowed down per (member, address) and per address, never locked —
 * or, from a browser that opened her passbook before (its device cookie), per (member, device) only.
 */
import { env } from "@/server/env";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { verify } from "@node-rs/argon2";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Database, DbOrTx } from "@/db/client";
import { accountBalances, dailyPayments, journalEntries, ksmGroups, members, postings } from "@/db/schema";
import { localDate, monthOf } from "@/server/domain/dates";
import { savingsMonths } from "@/server/domain/passbook-view";
import { DomainError } from "@/server/domain/errors";
import { SAVINGS_ACCOUNTS } from "@/server/domain/ledger";
import { hashCheckCode } from "@/server/shared/check-codes";
import { groupLoanViews } from "@/server/shared/loans";
import { paidDayStands } from "@/server/ledger/daily-payments";
import { deviceSeen, renewedDevice } from "@/server/auth/devices";
import { forgiveTry, guessKeys, takeTry, throttled } from "@/server/auth/throttle";

export const PASSBOOK_TTL_MS = 10 * 60_000;
export const PASSBOOK_COOKIE = "buku";

export function passbookSecret(): string {
  const s = env().NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set (npm start and npm run demo set it)");
  return s;
}
// A fixed hash to verify against when the member does not exist, so both answers take as long.
let decoy: Promise<string> | null = null;

interface OpenInput {
  groupSlug: string;
  memberCode: string;
  checkCode: string;
  address: string | null;
}

const codeOf = (input: OpenInput) =>
  String(input.memberCode ?? "")
    .trim()
    .toUpperCase()
    .slice(0, 32);
/** What is guessed: one member code of one group. */
const subjectOf = (input: OpenInput) => `${String(input.groupSlug).slice(0, 64)}:${codeOf(input)}`;

/** Opens a passbook with the codes (no device cookie: counted per (member, address) and per address). */
export async function openPassbook(database: Database, input: OpenInput): Promise<number> {
  return checkCodes(database, input, null);
}

/**
 * Opens a passbook from a browser, with the device cookie it sent (or none): a browser that opened
 * this member's passbook before is counted per (member, device) only — strangers' wrong codes
 * behind the same address never slow it — and gets the renewed cookie; any other browser is
 * counted as in openPassbook.
 */
export async function openPassbookOnDevice(
  database: Database,
  input: OpenInput & { device: string | null | undefined },
  now = Date.now(),
): Promise<{ memberId: number; device: string }> {
  const subject = subjectOf(input);
  const seen = deviceSeen("passbook", input.device, subject, now);
  const memberId = await checkCodes(database, input, seen.knownDevice);
  return { memberId, device: renewedDevice("passbook", seen, subject, now) };
}

async function checkCodes(database: Database, input: OpenInput, knownDevice: string | null): Promise<number> {
  const code = codeOf(input);
  const keys = guessKeys("passbook", subjectOf(input), input.address, knownDevice);
  const taken = await takeTry(database, keys);
  if (!taken.ok) throw throttled("passbook_throttled", taken.waitMs);
  const [m] = await database.db
    .select({ id: members.id, hash: members.checkCodeHash })
    .from(members)
    .innerJoin(ksmGroups, eq(ksmGroups.id, members.groupId))
    .where(and(eq(ksmGroups.slug, String(input.groupSlug)), eq(members.code, code)));
  decoy ??= hashCheckCode("00000000-decoy");
  const ok = await verify(m?.hash ?? (await decoy), String(input.checkCode ?? "").slice(0, 64)).catch(() => false);
  if (!m || !ok) throw new DomainError("unauthorized", "passbook_denied");
  await forgiveTry(database, keys);
  return m.id;
}

/** A signed, short-lived ticket for the passbook cookie: memberId.expiry.hmac */
export function passbookTicket(memberId: number, secret: string, now = Date.now()): string {
  const body = `${memberId}.${now + PASSBOOK_TTL_MS}`;
  return `${body}.${createHmac("sha256", secret).update(`passbook:${body}`).digest("base64url")}`;
}

export function readPassbookTicket(ticket: string | undefined, secret: string, now = Date.now()): number | null {
  const m = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(ticket ?? "");
  if (!m) return null;
  const expected = createHmac("sha256", secret).update(`passbook:${m[1]}.${m[2]}`).digest();
  const given = Buffer.from(m[3]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(m[2]) < now) return null;
  return Number(m[1]);
}

export async function passbookOf(db: DbOrTx, memberId: number, now = new Date()) {
  const [member] = await db.select().from(members).where(eq(members.id, memberId));
  if (!member) return null;
  const [group] = await db.select().from(ksmGroups).where(eq(ksmGroups.id, member.groupId));
  const today = localDate(now, group!.timeZone);
  const balances = await db
    .select({ account: accountBalances.account, balance: accountBalances.balance })
    .from(accountBalances)
    .where(
      and(
        eq(accountBalances.groupId, group!.id),
        eq(accountBalances.memberId, memberId),
        inArray(accountBalances.account, [...SAVINGS_ACCOUNTS, "social_fund"]),
      ),
    );
  const byMonth = await db
    .select({
      month: sql<string>`substr(${postings.businessDate}, 1, 7)`,
      account: postings.account,
      // A credit (negative) is money she paid in, a debit money taken out: summed apart.
      paidIn: sql<number>`coalesce(sum(case when ${postings.amount} < 0 then -${postings.amount} else 0 end), 0)`,
      takenOut: sql<number>`coalesce(sum(case when ${postings.amount} > 0 then ${postings.amount} else 0 end), 0)`,
    })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    // Her SHU part is not money she paid in ("Simpanan disetor" in the glossary): it has its own line.
    .where(
      and(
        eq(postings.memberId, memberId),
        inArray(postings.account, [...SAVINGS_ACCOUNTS]),
        sql`${journalEntries.kind} <> 'year_close'`,
      ),
    )
    .groupBy(sql`1`, postings.account)
    .orderBy(asc(sql`1`));
  // Days paid: distinct days her standing entries paid for, by the month of the day (never amount ÷ Rp 1.000).
  const dayRows = await db
    .select({
      month: sql<string>`substr(${dailyPayments.day}, 1, 7)`,
      days: sql<number>`count(distinct ${dailyPayments.day})`,
    })
    .from(dailyPayments)
    .where(and(eq(dailyPayments.memberId, memberId), paidDayStands))
    .groupBy(sql`1`);
  const daysIn = new Map(dayRows.map((r) => [r.month, Number(r.days)]));
  const months = savingsMonths(
    byMonth.map((r) => ({
      month: r.month,
      account: r.account,
      paidIn: Number(r.paidIn),
      takenOut: Number(r.takenOut),
    })),
    daysIn,
  );
  const memberLoans = (await groupLoanViews(db, group!, today)).filter((l) => l.loan.memberId === memberId);
  // Her SHU part each closed year: what the closing entry credited to her.
  const shu = await db
    .select({ date: journalEntries.businessDate, amount: sql<number>`-sum(${postings.amount})` })
    .from(postings)
    .innerJoin(journalEntries, eq(journalEntries.id, postings.entryId))
    .where(
      and(
        eq(postings.memberId, memberId),
        eq(journalEntries.kind, "year_close"),
        eq(postings.account, "savings_voluntary"),
        sql`${postings.amount} < 0`,
      ),
    )
    .groupBy(journalEntries.id)
    .orderBy(asc(journalEntries.businessDate));
  const savings = Object.fromEntries(balances.map((b) => [b.account, -b.balance]));
  return {
    group: { name: group!.name, slug: group!.slug, isDemo: group!.isDemo, dailyContribution: group!.dailyContribution },
    member: { code: member.code, joinedOn: member.joinedOn, leftOn: member.leftOn },
    today,
    thisMonth: monthOf(today),
    savings: {
      share: savings.savings_share ?? 0,
      mandatory: savings.savings_mandatory ?? 0,
      voluntary: savings.savings_voluntary ?? 0,
      socialFund: savings.social_fund ?? 0,
    },
    months,
    shu: shu.map((s) => ({ year: Number(s.date.slice(0, 4)), amount: Number(s.amount) })),
    loans: memberLoans.reverse(),
  };
}
