import { getDatabase } from "@/db/client";
import { localDate } from "@/server/domain/dates";
import { DomainError } from "@/server/domain/errors";
import { bothLanguages } from "@/server/i18n/errors";
import { getMessages } from "@/server/i18n/locale";
import { yearReportModels } from "@/server/services/public-figures";
import { verifyUrl } from "../../../../../../_components/Seal";
import { yearReportPdf } from "../../../../../../_components/year-report-pdf";
import { openGroup } from "../../../../open-group";

export const dynamic = "force-dynamic";

/**
 * A closed year's report as a PDF (`/kelompok/<slug>/tahun/<YYYY>.pdf` is rewritten here, next.config.js):
 * the same model as the HTML year report, so the same figures and nothing more. A year not closed: 404.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; tahun: string }> }) {
  const { slug, tahun } = await params;
  const found = await openGroup(slug);
  if (found instanceof Response) return found;
  if (!/^\d{4}$/.test(tahun))
    return Response.json({ error: "year_not_closed", message: bothLanguages("year_not_closed") }, { status: 404 });
  const database = await getDatabase();
  const { locale, t } = await getMessages();
  let models: Awaited<ReturnType<typeof yearReportModels>>;
  try {
    models = await yearReportModels(database, found, Number(tahun));
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return Response.json({ error: e.code, message: bothLanguages(e.code) }, { status: 404 });
  }
  const { seal } = models;
  const pdf = await yearReportPdf({
    group: found,
    models,
    verifyUrl: seal ? verifyUrl(found.slug, seal.seq, seal.hash) : null,
    today: localDate(new Date(), found.timeZone),
    locale,
    t,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${found.slug}-${t.print.pdfFile}-${tahun}${found.isDemo ? "-DEMO" : ""}.pdf"`,
    },
  });
}
