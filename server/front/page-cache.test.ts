import { describe, expect, it } from "vitest";
import { PageStore } from "./page-store";
import { storedPage } from "./stored-page";

const page = (bytes = 10) =>
  storedPage(200, { "content-type": "text/html" }, Buffer.alloc(bytes, 97), Buffer.alloc(bytes, 98), "v1");

describe("the page store", () => {
  it("gives pages with a query their own quarter: 100 of them leave every page without a query in place", () => {
    const store = new PageStore(20, 1 << 20);
    const groups = Array.from({ length: 12 }, (_, i) => `id /kelompok/g${i}`);
    for (const k of groups) store.set(k, page());
    for (let i = 0; i < 100; i++) store.set(`id /?cari=junk-${i}`, page());
    for (const k of groups) expect(store.get(k, "v1"), k).not.toBeNull();
    expect(store.size.entries).toBe(12 + 5);
    expect(store.get("id /?cari=junk-99", "v1")).not.toBeNull(); // the newest queries are kept
    expect(store.get("id /?cari=junk-0", "v1")).toBeNull();
  });

  it("bounds the query share by bytes too", () => {
    const store = new PageStore(100, 4000);
    store.set("id /kelompok/g", page(1000));
    for (let i = 0; i < 10; i++) store.set(`id /?cari=${i}`, page(200));
    expect(store.get("id /kelompok/g", "v1")).not.toBeNull();
    expect(store.size.bytes).toBeLessThanOrEqual(2000 + 1000);
  });

  it("lets a page without a query push out the oldest of its own kind first, and keeps within its bounds", () => {
    const store = new PageStore(8, 1 << 20);
    store.set("id /?cari=a", page());
    store.set("id /?cari=b", page());
    for (let i = 0; i < 20; i++) store.set(`id /kelompok/g${i}`, page());
    expect(store.size.entries).toBe(8);
    expect(store.get("id /?cari=a", "v1")).not.toBeNull();
    expect(store.get("id /kelompok/g19", "v1")).not.toBeNull();
    expect(store.get("id /kelompok/g13", "v1")).toBeNull();
  });

  it("does not keep a page larger than the whole store", () => {
    const store = new PageStore(10, 100);
    store.set("id /kelompok/g", page(200));
    store.set("id /?cari=x", page(200));
    expect(store.size).toEqual({ entries: 0, bytes: 0 });
  });
});
