"use client";
import { lazy, type ComponentType } from "react";

/**
 * A chart drawn once, on the server, and kept as it is. Recharts measures text in the browser
 * and would lay labels out differently, breaking hydration; and the charts have nothing to
 * interact with. So the browser keeps the server's SVG (React does not patch the inner HTML of
 * an element with dangerouslySetInnerHTML while hydrating) and never downloads Recharts: the
 * chart module is loaded lazily, and only the server ever renders it.
 */
export function serverDrawn<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const Svg = lazy(load);
  // biome-ignore lint/correctness/noComponentHookFactories: one component per chart module, made once at module load
  return function ServerDrawnChart(props: P) {
    if (typeof window !== "undefined")
      // biome-ignore lint/security/noDangerouslySetInnerHtml: an empty string, so React keeps the server's SVG as it is
      return <div className="chart" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
    return (
      <div className="chart">
        <Svg {...props} />
      </div>
    );
  };
}
