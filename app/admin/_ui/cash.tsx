"use client";
import { useState } from "react";
import { api, newKey } from "./client";
import { useAction, Status, Field, type P } from "./common";

export function Cash({ slug, today, t, locale, rp }: P & { today: string }) {
  const [f, setF] = useState({
    kind: "expense" as "expense" | "income" | "count",
    amount: "",
    category: "alat_tulis",
    note: "",
    key: newKey(),
  });
  const a = useAction(locale);
  const cats =
    f.kind === "income"
      ? ["bunga_bank", "hibah", "sumbangan", "lainnya"]
      : ["alat_tulis", "transportasi", "rapat", "pelatihan", "konsumsi", "administrasi_bank", "sosial", "lainnya"];
  return (
    <form
      className="inline"
      onSubmit={async (e) => {
        e.preventDefault();
        const amount = Number(f.amount);
        const r =
          f.kind === "count"
            ? await a.run(
                () =>
                  api.admin.cash.count.mutate({
                    groupSlug: slug,
                    date: today,
                    countedAmount: amount,
                    idempotencyKey: f.key,
                  }),
                (c) => `${t.difference}: ${rp(c.difference)}`,
              )
            : await a.run(
                () =>
                  api.admin.cash[f.kind as "expense" | "income"].mutate({
                    groupSlug: slug,
                    amount,
                    date: today,
                    category: f.category,
                    note: f.note || null,
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
              kind: e.target.value as typeof f.kind,
              category: e.target.value === "income" ? "bunga_bank" : "alat_tulis",
              key: newKey(),
            })
          }
        >
          <option value="expense">{t.expense}</option>
          <option value="income">{t.income}</option>
          <option value="count">{t.count}</option>
        </select>
      </Field>
      <Field id="ca" label={f.kind === "count" ? t.counted : t.amount}>
        <input
          id="ca"
          inputMode="numeric"
          value={f.amount}
          onChange={(e) => setF({ ...f, amount: e.target.value.replace(/\D/g, ""), key: newKey() })}
          required
        />
      </Field>
      {f.kind !== "count" && (
        <>
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
