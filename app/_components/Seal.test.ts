import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";
import { qrPath } from "./qr-path";
import { Seal, verifyUrl } from "./Seal";

const HASH = "3bab6ff787e1aa22bb33cc44dd55ee66ff7788990011223344556677889900aa";

/** The path a QR code of this text is drawn with (qr-path.test.ts proves it fills the code's modules). */
const qrOf = (text: string) => qrPath(text).d;

describe("the printed seal's QR code", () => {
  it("carries the full hash, so a scanned seal is checked on all 256 bits", () => {
    const html = renderToStaticMarkup(
      createElement(Seal, {
        slug: "ratu-damai",
        checkpoint: {
          month: "2026-10",
          seq: 28,
          hash: HASH,
          seal: "3BAB-6FF7-87E1",
          finished: true,
          closed: true,
          closesOn: "2026-11-05",
          laterDated: 0,
          countersigned: null,
        },
        title: "Segel",
        locale: "id",
        t: MESSAGES.id,
      }),
    );
    const drawn = /<svg class="qr"[\s\S]*?<path d="([^"]+)"/.exec(html)?.[1];
    expect(verifyUrl("ratu-damai", 28, HASH)).toMatch(
      new RegExp(`/verifikasi\\?kelompok=ratu-damai&no=28&segel=${HASH}$`),
    );
    expect(drawn).toBe(qrOf(verifyUrl("ratu-damai", 28, HASH)));
    expect(drawn).not.toBe(qrOf(verifyUrl("ratu-damai", 28, "3BAB-6FF7-87E1")));
  });
});
