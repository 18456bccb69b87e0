import type { NextRequest } from "next/server";
import { getDatabase } from "@/db/client";
import { DomainError } from "@/server/domain/errors";
import { errorMessage } from "@/server/i18n/errors";
import { compareFromQuery } from "@/server/services/compare";

export const dynamic = "force-dynamic";

/** GET /api/open/compare?amount=1000000&months=4[&ksmRatePct=…&ijonRatio=…&…] */
export async function GET(req: NextRequest) {
  const q: Record<string, string | string[]> = {};
  for (const k of new Set(req.nextUrl.searchParams.keys())) {
    const all = req.nextUrl.searchParams.getAll(k);
    q[k] = all.length > 1 ? all : all[0]!;
  }
  const { db } = await getDatabase();
  try {
    const c = await compareFromQuery(db, q);
    return Response.json(
      {
        amount: c.input.amount,
        months: c.input.months,
        group: c.group?.slug ?? null,
        lenders: c.lenders,
        ijonSensitivity: c.sensitivity,
        referenceTerms: c.terms,
      },
      { headers: { "Access-Control-Allow-Origin": "*" } },
    );
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const status = e.kind === "not_found" ? 404 : 400;
    const parameter = e.field === "groupSlug" ? "kelompok" : e.field;
    return Response.json(
      {
        error: e.code,
        parameter,
        message: `${parameter}: ${errorMessage(e.code, e.params, "id")}`,
        messageEn: `${parameter}: ${errorMessage(e.code, e.params, "en")}`,
      },
      { status },
    );
  }
}
