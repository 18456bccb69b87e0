"use client";
import { type ComponentType, useEffect, useState } from "react";
import { ADMIN_MESSAGES } from "@/server/i18n/admin";

/**
 * A rarely used tab (a book's import, the year's close, corrections, the audit trail, the account)
 * whose code is fetched only when it is first opened, so a treasurer's first visit does not pay for
 * it. Once fetched with the app installed, the service worker keeps it like every built file; opened
 * with no signal before it ever was, the tab says so (the no-signal sentence) instead of failing,
 * and tries again the next time it is opened.
 */
export function lazyTab<P extends { locale: "id" | "en" }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyTab(props: P) {
    const [Tab, setTab] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Tab) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setTab(() => c);
        },
        () => {
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [Tab]);
    if (Tab) return <Tab {...props} />;
    if (failed)
      return (
        <p className="warn" role="status">
          {ADMIN_MESSAGES[props.locale].noSignalNotSynced}
        </p>
      );
    return <p aria-busy="true">…</p>;
  };
}
