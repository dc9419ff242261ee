import { describe, expect, it } from "vitest";
import { isSameOriginRequest, isStateChangingMethod } from "./origin";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOriginRequest", () => {
  const host = "127.0.0.1:3300";

  it("accepts the app's own origin, with any case", () => {
    expect(isSameOriginRequest(h({ origin: "http://127.0.0.1:3300" }), host)).toBe(true);
    expect(isSameOriginRequest(h({ origin: "https://Faktum.Example" }), "faktum.example")).toBe(true);
  });

  it("refuses another origin, another port, a null origin and garbage", () => {
    expect(isSameOriginRequest(h({ origin: "http://evil.example" }), host)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "http://127.0.0.1:3310" }), host)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "null" }), host)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "%%%" }), host)).toBe(false);
    expect(isSameOriginRequest(h({ origin: "http://127.0.0.1:3300" }), null)).toBe(false);
  });

  it("trusts Origin over the other headers", () => {
    expect(isSameOriginRequest(h({ origin: "http://evil.example", "sec-fetch-site": "same-origin", referer: "http://127.0.0.1:3300/" }), host)).toBe(false);
  });

  it("without Origin, goes by Sec-Fetch-Site", () => {
    expect(isSameOriginRequest(h({ "sec-fetch-site": "same-origin" }), host)).toBe(true);
    expect(isSameOriginRequest(h({ "sec-fetch-site": "none" }), host)).toBe(true);
    expect(isSameOriginRequest(h({ "sec-fetch-site": "cross-site" }), host)).toBe(false);
    expect(isSameOriginRequest(h({ "sec-fetch-site": "same-site" }), host)).toBe(false);
  });

  it("without either, goes by Referer", () => {
    expect(isSameOriginRequest(h({ referer: "http://127.0.0.1:3300/quiz/abc" }), host)).toBe(true);
    expect(isSameOriginRequest(h({ referer: "http://evil.example/page" }), host)).toBe(false);
  });

  it("lets a request that names no origin pass (no browser sends a cross-site POST so)", () => {
    expect(isSameOriginRequest(h({}), host)).toBe(true);
  });
});

describe("isStateChangingMethod", () => {
  it("is true for POST, PUT, PATCH, DELETE and false for GET, HEAD, OPTIONS", () => {
    for (const method of ["POST", "put", "PATCH", "DELETE"]) expect(isStateChangingMethod(method)).toBe(true);
    for (const method of ["GET", "head", "OPTIONS"]) expect(isStateChangingMethod(method)).toBe(false);
  });
});
