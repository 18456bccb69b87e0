#!/usr/bin/env node
// Recompute a group's hash chain and balances from its published ledger.json and check the rules
// of the book on it — no database, no dependencies, just Node 18+.  Usage:
//   node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json
//   node scripts/verify-open-data.mjs ledger.json --group ratu-damai.json
//   node scripts/verify-open-data.mjs --json ledger.json   (machine-readable result)
// Given a URL, the group's published figures (…/api/open/groups/<slug>.json) are fetched alongside;
// given a file, name them with --group FILE|URL (without it the figures are not compared, and it says so).
// Against seals kept outside the server (a printed report, the group's WhatsApp, a mirror):
//   --expect SEQ:SEAL        e.g. --expect 5120:3BAB-6FF7-87E1 (at least the printed 12 hex digits; repeatable)
//   --checkpoints FILE|URL   a copy of checkpoints.json taken earlier (refused if it holds no seal)
// A chain recomputed after a rewrite is still a valid chain; only a seal kept elsewhere catches
// it: the entry at a sealed sequence number must still have the sealed hash, and be there.
//
// Canonical form: SHA-256 of the UTF-8 bytes of JSON.stringify of
//   [canonicalVersion, group, seq, date, kind, amountRp, purpose, category, reversesSeq, reason,
//    recordedAt, [[account, amount], … sorted by account, zero sums dropped], detailDigest, prevHash]
// canonicalVersion is each entry's own ("kas-terbuka/v2"; "kas-terbuka/v1" before reason codes).
// In a v2 entry `reason` is null or a code from the fixed list, and a write-off has no reason and
// no purpose: no words a person typed are ever published.
//
// The rules of the book checked on every entry (RULES below; /data lists those it cannot check):
// a real calendar date, not after the ledger's asOf nor after the day it was recorded, not before
// the group's founding; nothing dated in a closed year after its closing entry; postings that sum
// to zero with amountRp their debit side; cash and bank (and the totals of savings, social fund and
// loans) never below zero at the end of any day; nothing dated in a month that a checkpoints.json
// marks `closed: true` after the entry at its close (the live file next to a URL, and every
// --checkpoints); and, with the group's figures, every balance, month and closed year they publish
// equal to the one recomputed here.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

const VERSIONS = ["kas-terbuka/v1", "kas-terbuka/v2"];
const REASONS = ["salah_jumlah", "salah_anggota", "salah_tanggal", "salah_jenis", "tercatat_dua_kali", "lainnya"];
/** A seal as printed on the monthly report: the first 12 hex digits of the entry's hash (48 bits). */
export const MIN_SEAL_HEX = 12;

/** The rules checked here beyond the hashes: code → what it says, in Indonesian and English. */
export const RULES = {
  date_valid: { id: "tanggal kalender yang sah", en: "a real calendar date" },
  date_after_as_of: { id: "tidak bertanggal setelah asOf buku", en: "not dated after the ledger's asOf" },
  date_after_recorded: { id: "tidak bertanggal setelah hari dicatat", en: "not dated after the day it was recorded" },
  date_before_founding: {
    id: "tidak bertanggal sebelum kelompok berdiri",
    en: "not dated before the group's founding",
  },
  month_closed: {
    id: "tidak ada catatan bertanggal di bulan yang sudah ditutup (checkpoints.json: closed)",
    en: "nothing dated inside a closed month after its close (checkpoints.json: closed)",
  },
  year_closed: {
    id: "tidak ada catatan bertanggal di tahun yang sudah ditutup",
    en: "nothing dated inside a closed year after its close",
  },
  postings_balance: { id: "posting berjumlah nol", en: "postings sum to zero" },
  amount_debits: { id: "amountRp sama dengan sisi debit", en: "amountRp equals the debit side" },
  below_zero: {
    id: "kas, bank, total simpanan, dana sosial dan pinjaman tidak pernah di bawah nol",
    en: "cash, bank and the totals of savings, social fund and loans never below zero",
  },
  published: {
    id: "angka yang diterbitkan sama dengan hitungan ulang",
    en: "published figures equal the recomputed ones",
  },
};

const DEBIT_NORMAL = new Set(["cash", "bank", "loans_receivable", "expense", "write_off_loss"]);
const SAVINGS = ["savings_share", "savings_mandatory", "savings_voluntary"];
/** Accounts whose natural balance never goes below zero; cash and bank are kept as one balance each. */
const NON_NEGATIVE = ["cash", "bank", "loans_receivable", ...SAVINGS, "social_fund"];
/** The accounts the rules read, exported so a test can hold them equal to the portal's (server/domain/ledger.ts). */
export const RULE_ACCOUNTS = { debitNormal: [...DEBIT_NORMAL], savings: SAVINGS, nonNegative: NON_NEGATIVE };
const natural = (account, signed) => (DEBIT_NORMAL.has(account) ? signed : -signed);

const sortedPostings = (e) =>
  Object.entries(e.postings ?? {})
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A real day of the calendar, written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s) {
  const m = typeof s === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The latest calendar date anywhere on earth at `ms` (UTC+14): no business date can be later. */
export const latestDateAt = (ms) => new Date(ms + 14 * 3_600_000).toISOString().slice(0, 10);

/** Recomputes the hash chain (and that each entry balances); the first problem, or the balances. */
export function verifyLedgerJson(doc) {
  let prev = "0".repeat(64);
  const balances = {};
  if (!Array.isArray(doc?.entries)) return { ok: false, seq: 0, problem: "not a ledger.json: no entries" };
  for (const [i, e] of doc.entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, problem: `expected seq ${i + 1}` };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, problem: "prevHash does not link to the previous entry" };
    const postings = sortedPostings(e);
    if (postings.some(([, v]) => !Number.isSafeInteger(v)) || postings.reduce((t, [, v]) => t + v, 0) !== 0)
      return { ok: false, seq: e.seq, rule: "postings_balance", problem: "postings do not sum to zero" };
    const version = e.canonicalVersion ?? doc.canonicalVersion ?? "kas-terbuka/v1";
    if (!VERSIONS.includes(version)) return { ok: false, seq: e.seq, problem: `unknown canonical version ${version}` };
    if (version !== "kas-terbuka/v1") {
      if (e.reason !== null && !REASONS.includes(e.reason))
        return { ok: false, seq: e.seq, problem: "reason is not a code from the fixed list" };
      if (e.kind === "write_off" && (e.reason !== null || e.purpose !== null))
        return { ok: false, seq: e.seq, problem: "a write-off publishes no reason and no purpose" };
    }
    const canonical = JSON.stringify([
      version,
      doc.group,
      e.seq,
      e.date,
      e.kind,
      e.amountRp,
      e.purpose,
      e.category,
      e.reversesSeq,
      e.reason,
      e.recordedAt,
      postings,
      e.detailDigest,
      e.prevHash,
    ]);
    const hash = createHash("sha256").update(canonical, "utf8").digest("hex");
    if (hash !== e.hash) return { ok: false, seq: e.seq, problem: "hash does not match the content" };
    for (const [a, v] of postings) balances[a] = (balances[a] ?? 0) + v;
    prev = e.hash;
  }
  return { ok: true, entries: doc.entries.length, lastHash: prev, balances };
}

/**
 * The debit side of an entry as published (postings summed by account). A year's close that pays
 * members' parts in cash credits each part to her savings and debits it again (her passbook shows
 * it): summed by account those two cancel, and the cash credit stands for them.
 */
export function debitSide(e) {
  let d = 0;
  for (const [, v] of sortedPostings(e)) if (v > 0) d += v;
  if (e.kind === "year_close") d += Math.max(0, -(e.postings?.cash ?? 0));
  return d;
}

const fail = (rule, seq, problem) => ({ ok: false, rule, seq, problem });

/** Rules each entry meets on its own and in order: dates, closed years, amounts. */
function entryRules(doc, asOf, foundedOn) {
  let closedThrough = null;
  for (const e of doc.entries) {
    if (!isCalendarDate(e.date)) return fail("date_valid", e.seq, `${e.date} is not a calendar date`);
    if (e.date > asOf) return fail("date_after_as_of", e.seq, `dated ${e.date}, after the ledger's asOf ${asOf}`);
    const recorded = Date.parse(e.recordedAt);
    if (!Number.isFinite(recorded) || e.date > latestDateAt(recorded))
      return fail("date_after_recorded", e.seq, `dated ${e.date}, after it was recorded (${e.recordedAt})`);
    if (e.date < foundedOn)
      return fail("date_before_founding", e.seq, `dated ${e.date}, before the group was founded (${foundedOn})`);
    if (closedThrough !== null && e.date <= closedThrough)
      return fail("year_closed", e.seq, `dated ${e.date}, in ${closedThrough.slice(0, 4)}, after that year was closed`);
    if (e.kind === "year_close") closedThrough = e.date;
    if (!Number.isSafeInteger(e.amountRp) || e.amountRp !== debitSide(e))
      return fail("amount_debits", e.seq, `amountRp ${e.amountRp}, but the debit side is ${debitSide(e)}`);
  }
  return null;
}

/**
 * Cash and bank at the end of each day, in date order — and the totals of each savings account, the
 * social fund and the loans (kept per member or loan, each never below zero: so neither is its total).
 */
function dailyRule(doc) {
  const byDay = [...doc.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  const running = Object.fromEntries(NON_NEGATIVE.map((a) => [a, 0]));
  let lastSeq = 0;
  for (const [i, e] of byDay.entries()) {
    for (const [a, v] of sortedPostings(e)) if (a in running) running[a] += v;
    lastSeq = Math.max(lastSeq, e.seq);
    if (byDay[i + 1]?.date === e.date) continue;
    const low = NON_NEGATIVE.find((a) => natural(a, running[a]) < 0);
    if (low)
      return fail(
        "below_zero",
        lastSeq,
        `${low} is ${natural(low, running[low])} at the end of ${e.date} (of the entries dated up to then, the last recorded is seq ${lastSeq})`,
      );
  }
  return null;
}

/**
 * The rules of the book on a ledger whose chain verifies. asOf and foundedOn come from the ledger
 * (or the group's figures); without them the ledger is refused, not half-checked.
 */
export function checkRules(doc, opts = {}) {
  const asOf = doc.asOf ?? opts.group?.asOf;
  const foundedOn = doc.foundedOn ?? opts.group?.foundedOn;
  if (!isCalendarDate(asOf) || !isCalendarDate(foundedOn))
    return fail("date_valid", 0, "the ledger names no valid asOf and foundedOn (nor do the group's figures)");
  const now = opts.now ?? Date.now();
  if (asOf > latestDateAt(now)) return fail("date_after_as_of", 0, `the ledger's asOf ${asOf} is in the future`);
  return entryRules(doc, asOf, foundedOn) ?? dailyRule(doc) ?? { ok: true };
}

/** Balances (natural direction) and monthly flows as the group's figures publish them, from the entries. */
export function derivedFigures(doc) {
  const kindOf = new Map(doc.entries.map((e) => [e.seq, e.kind]));
  const running = {};
  const months = new Map();
  const years = [];
  for (const e of [...doc.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq))) {
    const month = e.date.slice(0, 7);
    const f = months.get(month) ?? { month, flows: Object.fromEntries(FLOWS.map((k) => [k, 0])) };
    months.set(month, f);
    // A correction counts against the flow of the entry it reverses.
    const kind = e.reversesSeq !== null && e.reversesSeq !== undefined ? kindOf.get(e.reversesSeq) : e.kind;
    for (const [a, v] of sortedPostings(e)) {
      const n = natural(a, v);
      running[a] = (running[a] ?? 0) + n;
      for (const [flow, rule] of Object.entries(FLOW_RULES)) f.flows[flow] += rule(kind, a, n);
    }
    f.closing = { ...running };
    if (e.kind === "year_close") years.push(closedYearOf(e));
  }
  return { balances: sheet(running), months: [...months.values()], years };
}

const FLOW_RULES = {
  savingsCollectedRp: (k, a, n) => (k === "contribution" && SAVINGS.includes(a) ? n : 0),
  dailyContributionsRp: (k, a, n) => (k === "contribution" && a === "savings_mandatory" ? n : 0),
  socialFundInRp: (k, a, n) => (k === "contribution" && a === "social_fund" ? n : 0),
  withdrawalsRp: (k, a, n) => (k === "savings_withdrawal" && SAVINGS.includes(a) ? -n : 0),
  loansDisbursedRp: (k, a, n) => (k === "loan_disbursement" && a === "loans_receivable" ? n : 0),
  principalRepaidRp: (k, a, n) => (k === "loan_repayment" && a === "loans_receivable" ? -n : 0),
  serviceChargeRp: (k, a, n) => (k === "loan_repayment" && a === "income_service_charge" ? n : 0),
  finesRp: (k, a, n) => (k === "loan_repayment" && a === "income_fine" ? n : 0),
  expensesRp: (k, a, n) => (k === "expense" && a === "expense" ? n : 0),
  otherIncomeRp: (k, a, n) => (k === "other_income" && a === "income_other" ? n : 0),
  writtenOffRp: (k, a, n) => (k === "write_off" && a === "write_off_loss" ? n : 0),
};
const FLOWS = Object.keys(FLOW_RULES);

const sheet = (b) => {
  const v = (a) => b[a] ?? 0;
  return {
    cashRp: v("cash"),
    bankRp: v("bank"),
    loansOutstandingRp: v("loans_receivable"),
    memberSavingsRp: SAVINGS.reduce((t, a) => t + v(a), 0),
    socialFundRp: v("social_fund"),
    reserveFundRp: v("reserve_fund"),
    otherFundsRp: v("fund_board") + v("fund_education"),
    surplusRp:
      v("income_service_charge") +
      v("income_fine") +
      v("income_other") +
      v("retained_surplus") -
      v("expense") -
      v("write_off_loss"),
  };
};

/** A year's SHU and pools from its closing entry: the income and costs it empties, where the SHU went. */
function closedYearOf(e) {
  const p = (a) => e.postings?.[a] ?? 0;
  const shu = p("income_service_charge") + p("income_fine") + p("income_other") + p("expense") + p("write_off_loss");
  const members = -p("savings_voluntary") - p("cash");
  return {
    year: Number(e.date.slice(0, 4)),
    seq: e.seq,
    shuRp: shu,
    pools: {
      cadangan: -p("reserve_fund"),
      pengurus: -p("fund_board"),
      pendidikan: -p("fund_education"),
      sosial: -p("social_fund"),
    },
    members: shu > 0 ? members : 0,
  };
}

/** Every figure the group publishes that the ledger determines, compared; null (suppressed) is skipped. */
export function checkPublished(doc, group) {
  const bad = (problem) => fail("published", 0, problem);
  const last = doc.entries.at(-1);
  if (group.slug !== doc.group) return bad(`the figures are of group ${group.slug}, the ledger of ${doc.group}`);
  if ((group.lastSeq ?? 0) !== (last?.seq ?? 0) || (last && group.lastHash !== last.hash))
    return bad(
      `the figures end at seq ${group.lastSeq}, the ledger at ${last?.seq ?? 0}: fetched at different moments? fetch both again`,
    );
  // (asOf may differ: a kept copy of either file may be from before midnight, with the same entries.)
  if (doc.foundedOn !== undefined && group.foundedOn !== doc.foundedOn)
    return bad(`foundedOn: ledger ${doc.foundedOn}, figures ${group.foundedOn}`);
  const d = derivedFigures(doc);
  const differs = (what, published, derived) =>
    published !== null && published !== undefined && published !== derived
      ? bad(`${what}: published ${published}, recomputed ${derived}`)
      : null;
  for (const [k, v] of Object.entries(d.balances)) {
    const p = differs(k, group[k], v);
    if (p) return p;
  }
  const total = (flow) => d.months.reduce((t, m) => t + m.flows[flow], 0);
  const totals = differs("savingsCollectedRp", group.savingsCollectedRp, total("savingsCollectedRp"));
  if (totals) return totals;
  const loans = differs("loansDisbursedRp", group.loansDisbursedRp, total("loansDisbursedRp"));
  if (loans) return loans;
  return checkPublishedMonths(d, group) ?? checkPublishedYears(d, group) ?? { ok: true };
}

function checkPublishedMonths(d, group) {
  const published = new Map((group.months ?? []).map((m) => [m.month, m]));
  for (const m of d.months) {
    const p = published.get(m.month);
    if (!p) return fail("published", 0, `month ${m.month} has entries but is not in the published months`);
    for (const [k, v] of Object.entries(m.flows))
      if (p[k] !== null && p[k] !== undefined && p[k] !== v)
        return fail("published", 0, `${m.month} ${k}: published ${p[k]}, recomputed ${v}`);
    for (const [a, v] of Object.entries(p.closingBalancesRp ?? {}))
      if (v !== null && v !== (m.closing[a] ?? 0))
        return fail("published", 0, `${m.month} closing ${a}: published ${v}, recomputed ${m.closing[a] ?? 0}`);
  }
  return null;
}

function checkPublishedYears(d, group) {
  const published = new Map((group.closedYears ?? []).map((y) => [y.year, y]));
  for (const y of d.years) {
    const p = published.get(y.year);
    if (!p) return fail("published", y.seq, `the ledger closes ${y.year}; the figures publish no such closed year`);
    const bad = (what, pub, derived) =>
      pub !== null && pub !== undefined && pub !== derived
        ? fail("published", y.seq, `${y.year} ${what}: published ${pub}, recomputed ${derived}`)
        : null;
    const pools = p.poolsRp ?? {};
    const members =
      pools.jasa_modal === null || pools.jasa_pinjaman === null
        ? null
        : (pools.jasa_modal ?? 0) + (pools.jasa_pinjaman ?? 0);
    const problem =
      bad("SHU", p.shuRp, y.shuRp) ??
      Object.entries(y.pools).reduce((acc, [k, v]) => acc ?? bad(`pool ${k}`, pools[k], v), null) ??
      bad("pools jasa_modal + jasa_pinjaman", members, y.members);
    if (problem) return problem;
  }
  return null;
}

/**
 * Checks the ledger against seals kept elsewhere: [{ seq, seal }] where seal is a hash or its
 * prefix of at least the 12 hex digits printed on a report. No seal at all is refused: nothing
 * would be checked.
 */
export function checkSeals(doc, seals) {
  if (!seals.length) return { ok: false, seq: 0, problem: "no seal given: nothing to check against" };
  for (const { seq, seal, typed } of seals) {
    const want = String(seal).replace(/[\s-]/g, "").toLowerCase();
    if (!/^[0-9a-f]+$/.test(want) || want.length > 64) return { ok: false, seq, problem: `not a seal: ${seal}` };
    if (want.length < MIN_SEAL_HEX)
      return { ok: false, seq, problem: `seal ${seal} is shorter than the ${MIN_SEAL_HEX} hex digits printed` };
    if (!Number.isSafeInteger(seq) || seq < 1) return { ok: false, seq, problem: `not a sequence number: ${seq}` };
    const e = doc.entries[seq - 1];
    if (!e || e.seq !== seq) return { ok: false, seq, problem: "the ledger ends before this sealed entry" };
    if (!e.hash.startsWith(want)) return { ok: false, seq, problem: sealMismatch(doc, seq, want, typed) };
  }
  return { ok: true, checked: seals.length };
}

/**
 * What a seal that does not match its entry means. A seal from a checkpoints file was not typed:
 * the entry was changed. A seal typed by hand (--expect) is first of all probably a typing slip —
 * a digit or the number mistyped — as /verifikasi says; only if it is exact was the entry changed.
 */
function sealMismatch(doc, seq, want, typed) {
  const changed = "this entry was changed after it was sealed";
  if (!typed) return changed;
  const other = doc.entries.find((x) => x.hash.startsWith(want));
  if (other)
    return (
      `this seal is that of entry ${other.seq}, not ${seq}: check the number you typed ` +
      `/ segel ini milik catatan ${other.seq}, bukan ${seq}: periksa nomor yang diketik`
    );
  return (
    "the seal matches no entry of this ledger: probably a typing slip — check every digit and the number " +
    `against the printed report; if they are exact, ${changed} ` +
    "/ segel ini tidak cocok dengan catatan mana pun: mungkin salah ketik — periksa setiap digit dan nomornya " +
    "dengan laporan tercetak; bila sudah persis sama, catatan ini diubah setelah disegel"
  );
}

/**
 * The seals of a checkpoints.json (as /api/open/groups/<slug>/checkpoints.json publishes it). A file
 * that is not one, is of another group, or holds no seal is refused with the reason.
 */
export function sealsOfCheckpoints(cp, group) {
  if (!cp || typeof cp !== "object" || !Array.isArray(cp.checkpoints))
    return {
      ok: false,
      problem: 'not a checkpoints.json (no "checkpoints" list)',
      problemId: 'bukan berkas checkpoints.json (tidak ada daftar "checkpoints")',
    };
  if (group && cp.group !== undefined && cp.group !== group)
    return {
      ok: false,
      problem: `the checkpoints are of group ${cp.group}, the ledger of ${group}`,
      problemId: `segelnya milik kelompok ${cp.group}, buku besarnya milik ${group}`,
    };
  const seals = cp.checkpoints
    .filter((c) => c && (c.hash || c.seal))
    .map((c) => ({ seq: c.seq, seal: c.hash ?? c.seal }));
  if (!seals.length)
    return {
      ok: false,
      problem: "the checkpoints file holds no seal",
      problemId: "berkas segel ini tidak berisi segel",
    };
  return { ok: true, seals, closedMonths: closedMonthsOf(cp) };
}

/** The months a checkpoints.json marks closed (`closed: true`), each with the chain head at its close. */
export const closedMonthsOf = (cp) =>
  (Array.isArray(cp?.checkpoints) ? cp.checkpoints : [])
    .filter((c) => c?.closed === true && /^\d{4}-\d{2}$/.test(c.month) && Number.isSafeInteger(c.seq))
    .map((c) => ({ month: c.month, seq: c.seq }));

/**
 * Nothing dated in a closed month after its close: an entry after the head at a month's close is
 * dated after that month. The year's closing entry (dated 31 December, posted once December may
 * have closed) is the one the portal lets through.
 */
export function checkClosedMonths(doc, closedMonths) {
  const closes = [...closedMonths].sort((a, b) => a.seq - b.seq);
  let next = 0;
  let closedThrough = "";
  for (const e of doc.entries) {
    while (next < closes.length && closes[next].seq < e.seq) {
      if (closes[next].month > closedThrough) closedThrough = closes[next].month;
      next++;
    }
    if (e.kind !== "year_close" && String(e.date).slice(0, 7) <= closedThrough)
      return fail("month_closed", e.seq, `dated ${e.date}, after ${closedThrough} was closed`);
  }
  return { ok: true };
}

/** Everything checked, in order: chain, rules, seals, published figures; the first problem or ok. */
export function verifyOpenData(doc, { seals = [], closedMonths = [], group = null, now } = {}) {
  const chain = verifyLedgerJson(doc);
  if (!chain.ok) return chain;
  const rules = checkRules(doc, { group, now });
  if (!rules.ok) return rules;
  const months = checkClosedMonths(doc, closedMonths);
  if (!months.ok) return months;
  if (seals.length) {
    const sealed = checkSeals(doc, seals);
    if (!sealed.ok) return sealed;
  }
  if (group) {
    const published = checkPublished(doc, group);
    if (!published.ok) return published;
  }
  return { ...chain, seals: seals.length, figuresCompared: !!group };
}

const readSource = async (src) => {
  if (!/^https?:/.test(src)) return await readFile(src, "utf8");
  const res = await fetch(src);
  if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
  return await res.text();
};

/** The group's figures next to a ledger.json URL: …/groups/<slug>/ledger.json → …/groups/<slug>.json. */
export const groupUrlOf = (ledgerUrl) =>
  /^https?:.*\/ledger\.json([?#].*)?$/.test(ledgerUrl) ? ledgerUrl.replace(/\/ledger\.json([?#].*)?$/, ".json") : null;

/** …/groups/<slug>/ledger.json → …/groups/<slug>/checkpoints.json. */
export const checkpointsUrlOf = (ledgerUrl) =>
  /^https?:.*\/ledger\.json([?#].*)?$/.test(ledgerUrl)
    ? ledgerUrl.replace(/\/ledger\.json([?#].*)?$/, "/checkpoints.json")
    : null;

let jsonOut = false;
const refuse = (en, id) => {
  if (jsonOut) console.log(JSON.stringify({ ok: false, refused: true, problem: en }));
  console.error(`REFUSED: ${en}\nDITOLAK: ${id}`);
  process.exit(2);
};

async function parseArgs(args) {
  const o = { json: false, seals: [], closedMonths: [], checkpoints: [], src: null, group: null };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") o.json = jsonOut = true;
    else if (args[i] === "--expect") {
      const [seq, seal] = String(args[++i] ?? "").split(":");
      if (!seal) refuse(`--expect needs SEQ:SEAL, got "${args[i] ?? ""}"`, `--expect perlu NO:SEGEL`);
      o.seals.push({ seq: Number(seq), seal, typed: true });
    } else if (args[i] === "--checkpoints") o.checkpoints.push(args[++i]);
    else if (args[i] === "--group") o.group = args[++i];
    else o.src = args[i];
  }
  return o;
}

async function main() {
  const o = await parseArgs(process.argv.slice(2));
  if (!o.src) {
    console.error(
      "usage: node scripts/verify-open-data.mjs <ledger.json path or URL> [--group FILE|URL] [--expect SEQ:SEAL]… [--checkpoints FILE|URL] [--json]",
    );
    process.exit(2);
  }
  const doc = JSON.parse(await readSource(o.src));
  for (const src of o.checkpoints) {
    let cp = null;
    try {
      cp = JSON.parse(await readSource(src ?? ""));
    } catch {}
    const s = sealsOfCheckpoints(cp, doc.group);
    if (!s.ok) refuse(`--checkpoints ${src}: ${s.problem}`, `--checkpoints ${src}: ${s.problemId}`);
    o.seals.push(...s.seals);
    o.closedMonths.push(...s.closedMonths);
  }
  for (const { seq, seal } of o.seals) {
    const hex = String(seal).replace(/[\s-]/g, "");
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length > 64 || !Number.isSafeInteger(seq) || seq < 1)
      refuse(
        `${seq}:${seal} is not a sequence number and a seal: check what you typed`,
        `${seq}:${seal} bukan nomor catatan dan segel: periksa lagi yang diketik`,
      );
    if (hex.length < MIN_SEAL_HEX)
      refuse(
        `seal ${seal} is shorter than the ${MIN_SEAL_HEX} hex digits printed on the report`,
        `segel ${seal} lebih pendek dari ${MIN_SEAL_HEX} digit yang tercetak di laporan`,
      );
  }
  const groupSrc = o.group ?? groupUrlOf(o.src);
  const group = groupSrc ? JSON.parse(await readSource(groupSrc)) : null;
  // Given a URL, the group's live checkpoints.json says which months are closed, and at which entry.
  const liveCheckpoints = checkpointsUrlOf(o.src);
  if (liveCheckpoints) o.closedMonths.push(...closedMonthsOf(JSON.parse(await readSource(liveCheckpoints))));
  const r = verifyOpenData(doc, { seals: o.seals, closedMonths: o.closedMonths, group });
  if (o.json) {
    console.log(JSON.stringify(r));
    process.exit(r.ok ? 0 : 1);
  }
  if (!r.ok) {
    const rule = r.rule ? ` [${r.rule}: ${RULES[r.rule].en} / ${RULES[r.rule].id}]` : "";
    console.error(`MISMATCH at seq ${r.seq}${rule}: ${r.problem}`);
    process.exit(1);
  }
  console.log(`OK: ${r.entries} entries, chain intact, last hash ${r.lastHash}`);
  console.log(`OK: every rule of the book holds / semua aturan buku terpenuhi (${Object.keys(RULES).length - 1})`);
  if (o.seals.length) console.log(`OK: all ${o.seals.length} seals kept elsewhere match`);
  if (!o.closedMonths.length)
    console.log(
      "NOT CHECKED: closed months (no checkpoints.json marks one closed) / bulan yang ditutup tidak diperiksa",
    );
  if (group) console.log("OK: every published balance, month and closed year equals the recomputed one");
  else
    console.log(
      "NOT CHECKED: the group's published figures (give --group <slug>.json) / angka kelompok tidak dibandingkan",
    );
  console.log("Balances (debit +, credit −):");
  for (const [a, v] of Object.entries(r.balances).sort()) console.log(`  ${a.padEnd(24)} ${v}`);
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().catch((e) => {
    // A file that cannot be read or is not JSON, an address that does not answer: nothing was checked.
    console.error(`ERROR: ${e instanceof Error ? e.message : e} — nothing was checked / tidak ada yang diperiksa`);
    process.exit(2);
  });
