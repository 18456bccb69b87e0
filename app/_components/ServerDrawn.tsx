"use client";

/**
 * Keeps a chart exactly as the server drew it. Recharts measures text in the browser and would
 * lay labels out differently from the server, which breaks hydration; the charts have nothing to
 * interact with, so the browser keeps the server's SVG (React does not patch the inner HTML of an
 * element with dangerouslySetInnerHTML while hydrating).
 */
export function ServerDrawn({ children }: { children: React.ReactNode }) {
  if (typeof window === "undefined") return <div className="chart">{children}</div>;
  return <div className="chart" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
}
