import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { normaliseSeal, shortSeal } from "@/server/domain/seal";
import { getMessages, titled } from "@/server/i18n/locale";
import type { Messages } from "@/server/i18n/messages";
import { watchChains } from "@/server/services/chain-check";
import { loadGroup } from "@/server/services/context";
import { listGroups } from "@/server/services/public-figures";
import { checkSeal, type SealVerdict } from "@/server/services/seals";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("checkSeal");

type Q = { kelompok?: string; no?: string; segel?: string };

/** What the page says of a verdict: only a match is "ok"; a typo asks to check what was typed. */
function verdictText(
  v: Messages["verify"],
  group: string,
  asked: number,
  seal: string,
  verdict: SealVerdict,
): { ok: boolean; text: string } {
  switch (verdict.kind) {
    case "tooShort":
      return { ok: false, text: v.tooShort };
    case "matches":
      return { ok: true, text: v.matches(group, asked, shortSeal(normaliseSeal(seal)!)) };
    case "changed":
      return { ok: false, text: v.changed(group, asked, verdict.seq) };
    case "otherEntry":
      return { ok: false, text: v.otherEntry(group, asked, verdict.seq) };
    case "beyond":
      return { ok: false, text: v.beyond(group, asked, verdict.last) };
    case "unknown":
      return { ok: false, text: v.unknown(group, asked) };
  }
}

/** How a member compares the seal on the notice board with the site — and the check itself (a GET form, no script). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Q> }) {
  const { t } = await getMessages();
  const v = t.verify;
  const q = await searchParams;
  const database = await getDatabase();
  watchChains(database);
  const groups = await listGroups(database.db);
  let verdict: { ok: boolean; text: string } | null = null;
  if (q.kelompok || q.no || q.segel) {
    try {
      const group = await loadGroup(database.db, q.kelompok ?? "");
      // A repeated parameter comes as a list: String() makes it text that is no seal.
      const [no, typed] = [Number(String(q.no ?? "")), String(q.segel ?? "")];
      const found = await checkSeal(database, group, no, typed);
      verdict = found ? verdictText(v, group.name, no, typed, found) : { ok: false, text: v.bad };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      verdict = { ok: false, text: v.bad };
    }
  }
  return (
    <>
      <h1>{v.title}</h1>
      <p>{v.intro}</p>
      {verdict && (
        <p className={verdict.ok ? "ok verdict" : "warn verdict"} role="status">
          {verdict.text}
        </p>
      )}
      <form method="get" action="/verifikasi" className="inline">
        <label htmlFor="kelompok">{v.group}</label>
        <select id="kelompok" name="kelompok" defaultValue={q.kelompok}>
          {groups.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name}
            </option>
          ))}
        </select>
        <label htmlFor="no">{v.entry}</label>
        <input id="no" name="no" inputMode="numeric" maxLength={9} defaultValue={q.no} required />
        <label htmlFor="segel">{v.seal}</label>
        <input id="segel" name="segel" maxLength={80} placeholder="3BAB-6FF7-87E1" defaultValue={q.segel} required />
        <div>
          <button type="submit">{v.check}</button>
        </div>
      </form>
      <h2>{v.byHandTitle}</h2>
      <ol>
        {v.byHand.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h2>{v.anyoneTitle}</h2>
      <p>{v.anyone}</p>
      <pre className="cmd">
        node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json --checkpoints
        checkpoints-kept-earlier.json --expect 5120:3BAB-6FF7-87E1
      </pre>
    </>
  );
}
