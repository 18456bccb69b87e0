import { DEFAULT_LARGE_OUTFLOW_RP } from "@/server/domain/plausibility";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { hash } from "@node-rs/argon2";
import { randomInt } from "node:crypto";
import { ksmGroups, members } from "@/db/schema";
import { DEFAULT_TIME_ZONE, isValidDate } from "@/server/domain/dates";
import { conflict, invalid } from "@/server/domain/errors";
import { LOAN_METHODS, type LoanMethod } from "@/server/domain/loans";
import { openingBalancePostings, SAVINGS_ACCOUNTS, type SavingsAccount } from "@/server/domain/ledger";
import { appendEntry, idempotentWrite, type EntryRow } from "@/server/ledger/writer";
import { loadActiveMember, loadGroupFor, nowOf, todayIn, type GroupRow, type ServiceContext } from "./context";
import { cleanName, cleanText, lookAlike } from "@/server/domain/text";
import { DEFAULT_MONTH_GRACE_DAYS, MAX_MONTH_GRACE_DAYS } from "@/server/domain/month-close";
import { zDate, zMemberCode, zText } from "./fields";
import { phoneInput, writeMemberPhone } from "./member-phones";
import { boundedPool } from "./pool";
import { assertBusinessDate } from "@/server/domain/dates";
import { audit, ledgerWrite } from "@/server/ledger/write";

export interface CreateGroupInput {
  slug: string;
  name: string;
  village: string;
  kecamatan: string;
  kabupaten: string;
  provinsi: string;
  foundedOn: string;
  timeZone?: string;
  dailyContribution?: number;
  loanRateBpsPerMonth?: number;
  loanMethod?: LoanMethod;
  loanMaxTermMonths?: number;
  lateFineAmount?: number;
  lateFineGraceDays?: number;
  /** Days of the next month in which a finished month still takes back-dated entries (default 5). */
  monthGraceDays?: number;
  /** One expense or savings withdrawal above this needs the treasurer's confirmation (default Rp 1.000.000). */
  largeOutflowThreshold?: number;
  isDemo?: boolean;
}

const intIn = (v: unknown, field: string, min: number, max: number): number => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw invalid("number_out_of_range", field, { min, max });
  return v;
};

export async function createGroup(ctx: ServiceContext, input: CreateGroupInput): Promise<GroupRow> {
  if (typeof input.slug !== "string" || !/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(input.slug))
    throw invalid("slug_invalid", "slug");
  if (!isValidDate(input.foundedOn)) throw invalid("date_invalid", "foundedOn");
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw invalid("time_zone_invalid", "timeZone");
  }
  const method = input.loanMethod ?? "flat";
  if (!LOAN_METHODS.includes(method)) throw invalid("method_invalid", "loanMethod");
  const values = {
    slug: input.slug,
    name: cleanText(input.name, "name", { required: true, min: 3, max: 100 })!,
    village: cleanText(input.village, "village", { required: true, max: 100 })!,
    kecamatan: cleanText(input.kecamatan, "kecamatan", { required: true, max: 100 })!,
    kabupaten: cleanText(input.kabupaten, "kabupaten", { required: true, max: 100 })!,
    provinsi: cleanText(input.provinsi, "provinsi", { required: true, max: 100 })!,
    foundedOn: input.foundedOn,
    timeZone,
    dailyContribution: intIn(input.dailyContribution ?? 1000, "dailyContribution", 1, 1_000_000),
    loanRateBpsPerMonth: intIn(input.loanRateBpsPerMonth ?? 200, "loanRateBpsPerMonth", 0, 1000),
    loanMethod: method,
    loanMaxTermMonths: intIn(input.loanMaxTermMonths ?? 12, "loanMaxTermMonths", 1, 60),
    lateFineAmount: intIn(input.lateFineAmount ?? 5000, "lateFineAmount", 0, 1_000_000),
    lateFineGraceDays: intIn(input.lateFineGraceDays ?? 7, "lateFineGraceDays", 0, 90),
    monthGraceDays: intIn(input.monthGraceDays ?? DEFAULT_MONTH_GRACE_DAYS, "monthGraceDays", 0, MAX_MONTH_GRACE_DAYS),
    largeOutflowThreshold: intIn(
      input.largeOutflowThreshold ?? DEFAULT_LARGE_OUTFLOW_RP,
      "largeOutflowThreshold",
      0,
      1_000_000_000,
    ),
    isDemo: input.isDemo ?? false,
  };
  return ledgerWrite(ctx, async (tx) => {
    const [existing] = await tx.select({ id: ksmGroups.id }).from(ksmGroups).where(eq(ksmGroups.slug, values.slug));
    if (existing) throw conflict("slug_taken", "slug");
    const [g] = await tx.insert(ksmGroups).values(values).returning();
    await audit(tx, ctx, { action: "group.create", groupId: g!.id, detail: { slug: g!.slug } });
    return g!;
  });
}

export interface AddMemberInput {
  groupSlug: string;
  code: string;
  fullName: string;
  gender: "P" | "L";
  joinedOn: string;
  /** Set only by seeds and tests (a known code); otherwise, and always through the API, drawn at random. */
  checkCode?: string;
  /** She confirms that a member whose name looks the same (`nameKey`) is someone else. */
  confirmed?: boolean;
  /** Her phone number as typed (optional, private; normalised to 62…). */
  phone?: string | null;
}

export const ZAddMemberSchema = z.object({
  code: zMemberCode,
  fullName: zText(100),
  gender: z.enum(["P", "L"]),
  joinedOn: zDate,
  confirmed: z.boolean().optional(),
  phone: zText(40).nullable().optional(),
}) satisfies z.ZodType<Omit<AddMemberInput, "groupSlug">>;

/** A personal check code (kode cek) for the passbook page: 8 digits, shown once, stored hashed. */
export function newCheckCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, "0");
}

export async function hashCheckCode(code: string): Promise<string> {
  return hash(code, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/**
 * How many kode cek a paper-book import hashes at once, process-wide (argon2 is slow on purpose:
 * ~10 ms of CPU and 19 MiB each). Parallel imports wait their turn in this one pool instead of each
 * filling the thread pool, so sign-ins and single members keep their own hashing free.
 */
export const CHECK_CODE_HASH_POOL = 2;
const checkCodePool = boundedPool(CHECK_CODE_HASH_POOL);

/** Many check codes hashed through the shared pool, in order. */
export function hashCheckCodesPooled(codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map((c) => checkCodePool(() => hashCheckCode(c))));
}

/** A new member, with her check code (shown once to be handed to her; stored hashed). */
export async function addMember(
  ctx: ServiceContext,
  input: AddMemberInput,
): Promise<{ code: string; checkCode: string }> {
  const checkCode = input.checkCode ?? newCheckCode();
  if (typeof input.code !== "string" || !/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(input.code))
    throw invalid("member_code_invalid", "code");
  const fullName = cleanName(input.fullName, "fullName");
  if (input.gender !== "P" && input.gender !== "L") throw invalid("gender_invalid", "gender");
  const phone = phoneInput(input.phone);
  const checkCodeHash = await hashCheckCode(checkCode);
  return ledgerWrite(ctx, async (tx) => {
    const group = await loadGroupFor(tx, ctx, input.groupSlug, "write");
    const joinedOn = assertBusinessDate(
      input.joinedOn,
      { today: todayIn(ctx, group), foundedOn: group.foundedOn },
      "joinedOn",
    );
    const [dup] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.groupId, group.id), eq(members.code, input.code)));
    if (dup) throw conflict("member_code_taken", "code");
    await assertNameConfirmed(tx, group, fullName, input.confirmed === true);
    const [member] = await tx
      .insert(members)
      .values({ groupId: group.id, code: input.code, fullName, gender: input.gender, joinedOn, checkCodeHash })
      .returning();
    await audit(tx, ctx, { action: "member.add", groupId: group.id, detail: { code: input.code } });
    if (phone) await writeMemberPhone(tx, ctx, group, member!, phone);
    return { code: member!.code, checkCode };
  });
}

/**
 * Two members whose names look the same (same `nameKey`: case, spacing and compatibility forms
 * aside) are told apart only by their codes: a second one needs the treasurer's confirmation
 * (`name_duplicate_unconfirmed`, naming the other member), enforced here so no caller can skip it.
 */
export async function assertNameConfirmed(
  tx: DbOrTx,
  group: GroupRow,
  fullName: string,
  confirmed: boolean,
  exceptMemberId?: number,
): Promise<void> {
  if (confirmed) return;
  const others = await tx
    .select({ id: members.id, code: members.code, fullName: members.fullName })
    .from(members)
    .where(eq(members.groupId, group.id));
  const same = lookAlike(
    fullName,
    others.filter((o) => o.id !== exceptMemberId),
  );
  if (same) throw conflict("name_duplicate_unconfirmed", "fullName", { code: same.code, name: same.fullName });
}

export interface OpeningBalanceInput {
  groupSlug: string;
  date: string;
  cash: number;
  socialFund: number;
  savings: { memberCode: string; account: SavingsAccount; amount: number }[];
  idempotencyKey: string;
}

/** Saldo awal: moving a group's paper books into the ledger. */
export async function recordOpeningBalance(ctx: ServiceContext, input: OpeningBalanceInput): Promise<EntryRow> {
  return idempotentWrite(ctx, "entries.openingBalance", input, async (tx, { group, key, requestHash }) => {
    const date = assertBusinessDate(input.date, { today: todayIn(ctx, group), foundedOn: group.foundedOn });
    const nonNeg = (v: unknown, field: string) => intIn(v, field, 0, 1_000_000_000);
    const savings = [];
    for (const [i, s] of input.savings.entries()) {
      if (!SAVINGS_ACCOUNTS.includes(s.account)) throw invalid("account_invalid", `savings.${i}.account`);
      const m = await loadActiveMember(tx, group, s.memberCode, date, `savings.${i}.memberCode`);
      savings.push({ memberId: m.id, account: s.account, amount: nonNeg(s.amount, `savings.${i}.amount`) });
    }
    const postings = openingBalancePostings({
      cash: nonNeg(input.cash, "cash"),
      socialFund: nonNeg(input.socialFund, "socialFund"),
      savings,
    });
    if (postings.length < 2) throw invalid("opening_balance_empty", "cash");
    return appendEntry(tx, {
      group,
      kind: "opening_balance",
      date,
      postings,
      idempotencyKey: key,
      requestHash,
      actor: ctx.actor,
      now: nowOf(ctx),
    });
  });
}
