import Link from "next/link";
import type { Messages } from "@/server/i18n/messages";

/** Plain links to the previous and next page (?hal=N), drawn on the server; nothing when one page holds all. */
export function Pager({
  page,
  pages,
  href,
  t,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  t: Messages;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.pager.label} className="pager">
      {page > 1 && (
        <Link prefetch={false} href={href(page - 1)} rel="prev">
          {t.pager.prev}
        </Link>
      )}{" "}
      <span>{t.pager.of(page, pages)}</span>{" "}
      {page < pages && (
        <Link prefetch={false} href={href(page + 1)} rel="next">
          {t.pager.next}
        </Link>
      )}
    </nav>
  );
}
