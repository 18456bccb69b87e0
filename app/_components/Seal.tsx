import { env } from "@/server/env";
import { formatDate } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import type { PublicCheckpoint } from "@/server/shared/seals";
import { qrPath } from "./qr-path";
import { sealCovers } from "./seal-words";

/**
 * Where the QR code leads: the portal's own verify page (its public URL when set) at the full hash,
 * so a scanned seal is checked on all 256 bits, not the printed 48.
 */
export function verifyUrl(slug: string, seq: number, hash: string): string {
  const base = (env().NEXTAUTH_URL ?? "").replace(/\/$/, "");
  return `${base}/verifikasi?kelompok=${encodeURIComponent(slug)}&no=${seq}&segel=${hash}`;
}

/** A QR code drawn on the server as one SVG path (no script, no image file). */
function QrSvg({ text, label }: { text: string; label: string }) {
  const { d, size } = qrPath(text);
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/**
 * The seal of the books at a moment: sequence number, the short seal (3BAB-6FF7-87E1) with the
 * full hash a tap away, the supervisor's countersignature, and a QR code to the verify page —
 * made to be printed on the notice board or pasted into the group's WhatsApp.
 */
export function Seal({
  slug,
  checkpoint,
  title,
  locale,
  t,
}: {
  slug: string;
  checkpoint: PublicCheckpoint;
  title: string;
  locale: Locale;
  t: Messages;
}) {
  const s = t.seal;
  const url = verifyUrl(slug, checkpoint.seq, checkpoint.hash);
  const covers = sealCovers(checkpoint, locale, t);
  return (
    <section className="seal" aria-labelledby={`segel-${checkpoint.month}`}>
      <h2 id={`segel-${checkpoint.month}`}>{title}</h2>
      <div className="seal-body">
        <QrSvg text={url} label={s.qrLabel} />
        <div>
          <p>
            {s.entry(checkpoint.seq)} · <strong className="seal-code">{checkpoint.seal}</strong>
          </p>
          {covers && <p className="seal-covers">{covers}</p>}
          <details className="no-print">
            <summary>{s.fullHash}</summary>
            <code className="hash">{checkpoint.hash}</code>
          </details>
          <p className={checkpoint.countersigned?.matches ? "ok" : "muted"}>
            {checkpoint.countersigned
              ? checkpoint.countersigned.matches
                ? `✓ ${s.signed(formatDate(checkpoint.countersigned.on, locale))}`
                : s.signedOther(checkpoint.countersigned.seq)
              : s.notSigned}
          </p>
          <p className="no-print">
            <a href={`/verifikasi?kelompok=${slug}&no=${checkpoint.seq}&segel=${checkpoint.seal}`}>{s.howTo}</a>
          </p>
        </div>
      </div>
    </section>
  );
}
