import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { normaliseSeal, shortSeal } from "@/server/domain/seal";
import { getMessages, titled } from "@/server/i18n/locale";
import { loadGroup } from "@/server/services/context";
import { listGroups } from "@/server/services/public-figures";
import { checkSeal } from "@/server/services/seals";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("checkSeal");

type Q = { kelompok?: string; no?: string; segel?: string };

/** How a member compares the seal on the notice board with the site — and the check itself (a GET form, no script). */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Q> }) {
  const { t } = await getMessages();
  const v = t.verify;
  const q = await searchParams;
  const { db } = await getDatabase();
  const groups = await listGroups(db);
  const seq = Number(q.no);
  const seal = q.segel ? normaliseSeal(q.segel) : null;
  let result: "matches" | "differs" | "missing" | "bad" | null = null;
  let groupName = "";
  if (q.kelompok || q.no || q.segel) {
    try {
      const group = await loadGroup(db, q.kelompok ?? "");
      groupName = group.name;
      result = Number.isSafeInteger(seq) && seq > 0 && seal ? await checkSeal(db, group, seq, seal) : "bad";
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      result = "bad";
    }
  }
  return (
    <>
      <h1>{v.title}</h1>
      <p>{v.intro}</p>
      {result && (
        <p className={result === "matches" ? "ok verdict" : "warn verdict"} role="status">
          {result === "matches"
            ? v.matches(groupName, seq, shortSeal(seal!))
            : result === "differs"
              ? v.differs(groupName, seq)
              : result === "missing"
                ? v.missing(groupName, seq)
                : v.bad}
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
