"use client";
import { useContext, useEffect, useState } from "react";
import { installmentReminders, type OpenLoanDue } from "@/server/domain/reminders";
import { formatDate } from "@/server/i18n/format";
import { reminderText } from "@/server/i18n/reminder";
import { api } from "./client";
import { MemberNamesContext, type P, useWho } from "./common";
import { ShareReceipt } from "./receipt";

/**
 * Reminders of an installment due within three days or late, from the open loans the overview has
 * already read: one tap opens WhatsApp with a polite message about that member's own loan — to her
 * number when the book has one, else the plain share. For the treasurer (who writes on the books).
 */
export function Reminders({ slug, t, locale, rp, loans, today }: P & { loans: readonly OpenLoanDue[]; today: string }) {
  const [phones, setPhones] = useState<Map<string, string>>(new Map());
  const [groupName, setGroupName] = useState<string | null>(null);
  useEffect(() => {
    // Without signal these stay unknown: the reminder is shared without a number, and names no group.
    api.admin.members.phones.query({ groupSlug: slug }).then(
      (list) => setPhones(new Map(list.map((p) => [p.code, p.phone]))),
      () => {},
    );
    api.admin.groups.mine.query().then(
      (groups) => setGroupName(groups.find((g) => g.slug === slug)?.name ?? null),
      () => {},
    );
  }, [slug]);
  const who = useWho();
  const register = useContext(MemberNamesContext);
  const reminders = installmentReminders(loans, today);
  if (!reminders.length) return null;
  // Her name greets her only when the message goes to her own number (reminderText decides).
  const addressee = (code: string) => {
    const m = register.get(code);
    return m ? { fullName: m.fullName, gender: m.gender, phone: phones.get(code) ?? null } : null;
  };
  return (
    <section className="reminders" aria-labelledby="reminders">
      <h2 id="reminders">{t.reminders}</h2>
      <p className="muted">{t.remindersHint}</p>
      <ul>
        {reminders.map((r) => {
          const day = formatDate(r.dueOn, locale);
          return (
            <li key={r.loanId}>
              {r.late
                ? t.reminderLate(who(r.memberCode), rp(r.amount), day)
                : t.reminderSoon(who(r.memberCode), rp(r.amount), day)}{" "}
              <ShareReceipt
                text={reminderText(r, groupName, locale, today, addressee(r.memberCode))}
                phone={phones.get(r.memberCode) ?? null}
                label={t.sendReminder(who(r.memberCode))}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
