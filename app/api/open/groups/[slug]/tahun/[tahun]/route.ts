import { getDatabase } from "@/db/client";
import { localDate } from "@/server/domain/dates";
import { notFound } from "@/server/domain/errors";
import { getMessages } from "@/server/i18n/locale";
import { answersDomainErrors } from "@/server/http-errors";
import { yearReportModels } from "@/server/read/public-figures";
import { verifyUrl } from "../../../../../../_components/Seal";
import { yearReportPdf } from "../../../../../../_components/year-report-pdf";
import { openGroup } from "../../../../open-group";

export const dynamic = "force-dynamic";

/**
 * A closed year's report as a PDF (`/kelompok/<slug>/tahun/<YYYY>.pdf` is rewritten here, next.config.js):
 * the same model as the HTML year report, so the same figures and nothing more. A year not closed: 404.
 */
export const GET = answersDomainErrors(
  async (_req: Request, { params }: { params: Promise<{ slug: string; tahun: string }> }) => {
    const { slug, tahun } = await params;
    const found = await openGroup(slug);
    if (!/^\d{4}$/.test(tahun)) throw notFound("year_not_closed", "tahun");
    const database = await getDatabase();
    const { locale, t } = await getMessages();
    const models = await yearReportModels(database, found, Number(tahun));
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
  },
  // The report's own address: whatever refuses it (a month with no report, a year not closed), there is no such report.
  { status: 404 },
);
