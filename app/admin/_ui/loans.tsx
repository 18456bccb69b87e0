"use client";
import { useEffect, useState } from "react";
import { formatDate } from "@/server/i18n/format";
import { type Group, type Members, type P, useSent, useWho } from "./common";
import { LoanForm } from "./loan-form";
import { type ReceiptOf, type Register, useLendingLimits, useOpenLoans, useRegister } from "./loans-data";
import { RepayForm } from "./repay-form";
import { useWords } from "./words-context";

/** The loans tab: a new loan, a repayment and the register, each read again when a write lands. */
export function Loans({
  slug,
  group,
  members,
  today,
  rp,
  t,
  locale,
  canWrite,
  repayOnly = false,
}: P & {
  group: Group;
  members: Members;
  today: string;
  canWrite: boolean;
  /** The bar's "Angsuran": this tab with only its repayment form (no new loan, no register). */
  repayOnly?: boolean;
}) {
  const limits = useLendingLimits(slug, repayOnly);
  const { loans, loansAsked, load } = useOpenLoans(slug);
  const register = useRegister(slug, repayOnly);
  const { loadLimits } = limits;
  const { loadRegister } = register;
  const [receiptOf, setReceiptOf] = useState<ReceiptOf>(null);
  // The phone's queue sent writes (a repayment, a loan): what is due, the register and the money again.
  const sent = useSent();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` is the reload trigger
  useEffect(() => {
    if (!sent) return;
    void load();
    if (!repayOnly) {
      void loadRegister();
      loadLimits();
    }
  }, [sent]);
  const saved = () => {
    load();
    loadRegister();
    loadLimits(); // a loan took money from the box, a repayment brought it back
  };
  const shared = { slug, t, locale, rp, today, loans, receiptOf, setReceiptOf, onSaved: saved };
  return (
    <>
      {canWrite && !repayOnly && (
        <LoanForm {...shared} group={group} members={members} limits={limits} loansAsked={loansAsked} />
      )}
      {canWrite && <RepayForm {...shared} />}
      {!repayOnly && <LoanRegister {...register} t={t} locale={locale} rp={rp} />}
    </>
  );
}

/** Every loan of the group, newest first, a page at a time. */
function LoanRegister({
  page,
  setPage,
  register,
  t,
  locale,
  rp,
}: Pick<P, "t" | "locale" | "rp"> & { page: number; setPage: (page: number) => void; register: Register | null }) {
  const who = useWho(); // "RD-003 · Maria …": the treasurer's own screen names the member
  const words = useWords();
  return (
    <>
      <h2>{t.tabs.loans}</h2>
      {/* On a phone each loan is a small card of three lines (table.loan-register): Status and Sisa are never
          cut off at 360 px. */}
      <table className="loan-register">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.member}</th>
            <th scope="col">{t.date}</th>
            <th scope="col" className="num">
              {t.principal}
            </th>
            <th scope="col">{t.status}</th>
            <th scope="col" className="num">
              {t.owed}
            </th>
          </tr>
        </thead>
        <tbody>
          {(register?.loans ?? []).map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <span aria-hidden="true">#</span>
                {l.id}
              </th>
              <td data-label={t.member}>{who(l.memberCode)}</td>
              <td data-label={t.date}>{formatDate(l.disbursedOn, locale)}</td>
              <td data-label={t.principal} className="num">
                {rp(l.principal)}
              </td>
              <td data-label={t.status}>{words.statuses[l.status] ?? l.status}</td>
              <td data-label={t.owed} className="num">
                {rp(l.totalOwed)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {register && register.total > register.pageSize && (
        <p className="pager">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t.newerLoans}
          </button>{" "}
          {t.loansPage(
            register.page * register.pageSize + 1,
            Math.min(register.total, (register.page + 1) * register.pageSize),
            register.total,
          )}{" "}
          <button
            type="button"
            className="secondary"
            disabled={(register.page + 1) * register.pageSize >= register.total}
            onClick={() => setPage(page + 1)}
          >
            {t.olderLoans}
          </button>
        </p>
      )}
    </>
  );
}
