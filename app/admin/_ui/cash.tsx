"use client";
import { useState } from "react";
import { api, newKey } from "./client";
import { useAction, Status, Field, type P } from "./common";

type CashKind = "expense" | "income" | "count" | "bank_deposit" | "bank_withdrawal" | "bank_check";
type Via = "cash" | "bank";

export function Cash({ slug, today, t, locale, rp }: P & { today: string }) {
  const [f, setF] = useState({
    kind: "expense" as CashKind,
    amount: "",
    category: "alat_tulis",
    note: "",
    via: "cash" as Via,
    key: newKey(),
  });
  const a = useAction(locale);
  const cats =
    f.kind === "income"
      ? ["bunga_bank", "hibah", "sumbangan", "lainnya"]
      : ["alat_tulis", "transportasi", "rapat", "pelatihan", "konsumsi", "administrasi_bank", "sosial", "lainnya"];
  const isCheck = f.kind === "count" || f.kind === "bank_check";
  const isMovement = f.kind === "expense" || f.kind === "income";
  return (
    <form
      className="inline"
      onSubmit={async (e) => {
        e.preventDefault();
        const amount = Number(f.amount);
        const r = isCheck
          ? await a.run(
              () =>
                api.admin.cash.count.mutate({
                  groupSlug: slug,
                  date: today,
                  countedAmount: amount,
                  account: f.kind === "bank_check" ? "bank" : "cash",
                  idempotencyKey: f.key,
                }),
              (c) =>
                c.difference === 0
                  ? `✓ ${t.matches}`
                  : c.difference > 0
                    ? t.over(rp(c.difference))
                    : t.short(rp(-c.difference)),
            )
          : f.kind === "bank_deposit" || f.kind === "bank_withdrawal"
            ? await a.run(
                () =>
                  api.admin.cash.bankTransfer.mutate({
                    groupSlug: slug,
                    kind: f.kind as "bank_deposit" | "bank_withdrawal",
                    amount,
                    date: today,
                    idempotencyKey: f.key,
                  }),
                (e) => t.saved(e.seq),
              )
            : await a.run(
                () =>
                  api.admin.cash[f.kind as "expense" | "income"].mutate({
                    groupSlug: slug,
                    amount,
                    date: today,
                    category: f.category,
                    note: f.note || null,
                    via: f.via,
                    idempotencyKey: f.key,
                  }),
                (e) => t.saved(e.seq),
              );
        if (r) setF({ ...f, amount: "", note: "", key: newKey() });
      }}
    >
      <Field id="ck" label={t.kind}>
        <select
          id="ck"
          value={f.kind}
          onChange={(e) =>
            setF({
              ...f,
              kind: e.target.value as CashKind,
              category: e.target.value === "income" ? "bunga_bank" : "alat_tulis",
              key: newKey(),
            })
          }
        >
          <option value="expense">{t.expense}</option>
          <option value="income">{t.income}</option>
          <option value="count">{t.count}</option>
          <option value="bank_deposit">{t.bankDeposit}</option>
          <option value="bank_withdrawal">{t.bankWithdrawal}</option>
          <option value="bank_check">{t.bankCheck}</option>
        </select>
      </Field>
      <Field id="ca" label={f.kind === "count" ? t.counted : f.kind === "bank_check" ? t.bankCounted : t.amount}>
        <input
          id="ca"
          inputMode="numeric"
          value={f.amount}
          onChange={(e) => setF({ ...f, amount: e.target.value.replace(/\D/g, ""), key: newKey() })}
          required
        />
      </Field>
      {isMovement && (
        <>
          <Field id="cv" label={t.via}>
            <select id="cv" value={f.via} onChange={(e) => setF({ ...f, via: e.target.value as Via, key: newKey() })}>
              <option value="cash">{t.viaCash}</option>
              <option value="bank">{t.viaBank}</option>
            </select>
          </Field>
          <Field id="cc" label={t.category}>
            <select
              id="cc"
              value={f.category}
              onChange={(e) => setF({ ...f, category: e.target.value, key: newKey() })}
            >
              {cats.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          <Field id="cn" label={t.note}>
            <input
              id="cn"
              maxLength={200}
              value={f.note}
              onChange={(e) => setF({ ...f, note: e.target.value, key: newKey() })}
            />
          </Field>
        </>
      )}
      <div>
        <button type="submit" disabled={a.busy}>
          {t.save}
        </button>
      </div>
      <Status s={a} />
    </form>
  );
}
