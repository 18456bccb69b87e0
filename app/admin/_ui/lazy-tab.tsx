"use client";
import { type ComponentType, useEffect, useState } from "react";
import { useAdminWords } from "./admin-words";

type TabProps = { locale: "id" | "en" };
// biome-ignore lint/suspicious/noExplicitAny: one store for tabs of every props type
type Loader = () => Promise<ComponentType<any>>;
/** Each tab's code once fetched: opened again, it is drawn at once. */
// biome-ignore lint/suspicious/noExplicitAny: as above
const loaded = new Map<Loader, ComponentType<any>>();

/**
 * A rarely used tab (a book's import, the year's close, corrections, the audit trail, the account)
 * whose code is fetched only when it is first opened, so a treasurer's first visit does not pay for
 * it. Once fetched with the app installed, the service worker keeps it like every built file; opened
 * with no signal before it ever was, the tab says so (the no-signal sentence) instead of failing,
 * and tries again the next time it is opened.
 */
export function lazyTab<P extends TabProps>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return (props: P) => <LazyTab load={load} tabProps={props} />;
}

function LazyTab<P extends TabProps>({ load, tabProps }: { load: () => Promise<ComponentType<P>>; tabProps: P }) {
  const t = useAdminWords();
  const [Tab, setTab] = useState<ComponentType<P> | null>(() => loaded.get(load) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Tab) return;
    let live = true;
    load().then(
      (c) => {
        loaded.set(load, c);
        if (live) setTab(() => c);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [Tab, load]);
  if (Tab) return <Tab {...tabProps} />;
  if (failed)
    return (
      <p className="warn" role="status">
        {t.noSignalNotSynced}
      </p>
    );
  return <p aria-busy="true">…</p>;
}
