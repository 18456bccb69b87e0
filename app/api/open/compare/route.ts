import type { NextRequest } from "next/server";
import { getDatabase } from "@/db/client";
import { answersDomainErrors, refusalMessage } from "@/server/http-errors";
import { compareFromQuery } from "@/server/read/compare";

export const dynamic = "force-dynamic";

/** GET /api/open/compare?amount=1000000&months=4[&ksmRatePct=…&ijonRatio=…&…] */
export const GET = answersDomainErrors(
  async (req: NextRequest) => {
    const q: Record<string, string | string[]> = {};
    for (const k of new Set(req.nextUrl.searchParams.keys())) {
      const all = req.nextUrl.searchParams.getAll(k);
      q[k] = all.length > 1 ? all : all[0]!;
    }
    const { db } = await getDatabase();
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
  },
  // The calculator's answer names the query parameter refused, in each language.
  (e) => {
    const parameter = e.field === "groupSlug" ? "kelompok" : e.field;
    return {
      body: {
        error: e.code,
        parameter,
        message: `${parameter}: ${refusalMessage(e, "id")}`,
        messageEn: `${parameter}: ${refusalMessage(e, "en")}`,
      },
    };
  },
);
