import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPath } from "./qr-path";

/** The dark cells a path of `M x y h len v1 h-len z` rectangles fills, read back from the path itself. */
function cellsOf(d: string): Set<string> {
  const cells = new Set<string>();
  const rects = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(rects.map((m) => m[0]).join("")).toBe(d); // nothing else in the path
  for (const [, x, y, w, back] of rects) {
    expect(back).toBe(w); // each rectangle closes where it began
    for (let i = 0; i < Number(w); i++) {
      const cell = `${Number(x) + i},${y}`;
      expect(cells.has(cell)).toBe(false); // no module drawn twice
      cells.add(cell);
    }
  }
  return cells;
}

describe("a QR code as one path", () => {
  const url =
    "https://kas-terbuka.example/verifikasi?kelompok=ratu-damai&no=28&segel=3bab6ff787e1aa22bb33cc44dd55ee66ff7788990011223344556677889900aa";

  it("fills exactly the code's dark modules, inside a quiet zone of four", () => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    const n = modules.size;
    const want = new Set<string>();
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (modules.data[y * n + x]) want.add(`${x + 4},${y + 4}`);
    const { d, size } = qrPath(url);
    expect(size).toBe(n + 8);
    expect(cellsOf(d)).toEqual(want);
  });

  it("draws each row's run of dark modules as one rectangle (far fewer than one per module)", () => {
    const { d } = qrPath(url);
    const rects = d.split("z").length - 1;
    expect(rects).toBeLessThan(cellsOf(d).size * 0.6);
  });
});
