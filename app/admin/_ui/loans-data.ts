"use client";
import { useCallback, useEffect, useState } from "react";
import { api } from "./client";

export type OpenLoans = Awaited<ReturnType<typeof api.admin.loans.open.query>>;
export type LendingRule = Awaited<ReturnType<typeof api.admin.lending.rule.query>>;
export type Register = Awaited<ReturnType<typeof api.admin.loans.list.query>>;
/** The last save's entry: its members' receipts are shown under the form that made it. */
export type ReceiptOf = { form: "loan" | "repay"; entryId: number } | null;

/** The open loans with what is due (one stable URL, kept on the phone for a meeting with no signal). */
export function useOpenLoans(slug: string) {
  const [loans, setLoans] = useState<OpenLoans>([]);
  const [loansAsked, setLoansAsked] = useState(false);
  const load = useCallback(
    () =>
      api.admin.loans.open
        .query({ groupSlug: slug })
        .then(setLoans)
        .finally(() => setLoansAsked(true)),
    [slug],
  );
  useEffect(() => void load(), [load]);
  return { loans, loansAsked, load };
}

/**
 * The group's lending rule and the money at hand, read when the tab opens and after each loan: the
 * form refuses a loan above either before the final tap (the server refuses it too).
 */
export function useLendingLimits(slug: string, repayOnly: boolean) {
  const [rule, setRule] = useState<LendingRule | null>(null);
  const [hand, setHand] = useState<{ cash: number; bank: number } | null>(null);
  // Until the rule, the money at hand and her loans have been asked for (answered or failed), the
  // form waits: a quick tap must not reach the final step with nothing checked.
  const [limitsAsked, setLimitsAsked] = useState(false);
  const loadLimits = useCallback(() => {
    void Promise.allSettled([
      api.admin.lending.rule.query({ groupSlug: slug }).then(setRule),
      api.admin.cash.onHand.query({ groupSlug: slug }).then(setHand),
    ]).then(() => setLimitsAsked(true));
  }, [slug]);
  useEffect(() => void (repayOnly || loadLimits()), [loadLimits, repayOnly]);
  return { rule, hand, limitsAsked, loadLimits };
}
export type LendingLimits = ReturnType<typeof useLendingLimits>;

/** The register, a page at a time; page 0 is asked for with no page (the same URL every time). */
export function useRegister(slug: string, repayOnly: boolean) {
  const [page, setPage] = useState(0);
  const [register, setRegister] = useState<Register | null>(null);
  const loadRegister = useCallback(
    () =>
      api.admin.loans.list.query(page === 0 ? { groupSlug: slug } : { groupSlug: slug, page }).then(setRegister, () => {
        // No signal and this page not kept: the register stays as it was.
      }),
    [slug, page],
  );
  useEffect(() => void (repayOnly || loadRegister()), [loadRegister, repayOnly]);
  return { page, setPage, register, loadRegister };
}
