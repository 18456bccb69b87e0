import QRCode from "qrcode";

/**
 * A QR code as one SVG path of filled rectangles, a quiet zone of 4 modules around it: each row's run
 * of dark modules is one rectangle (`M x y h len v1 h-len z`), not one square per module — the seals'
 * two codes were a third of the group page's bytes. The HTML seal and the PDF draw the same path.
 */
export function qrPath(text: string): { d: string; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; ) {
      if (!modules.data[y * n + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.data[y * n + x]) x++;
      d += `M${start + 4} ${y + 4}h${x - start}v1h-${x - start}z`;
    }
  return { d, size: n + 8 };
}
