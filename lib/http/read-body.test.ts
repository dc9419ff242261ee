import { describe, expect, it } from "vitest";
import { readBodyAtMost } from "./read-body";

function streamed(parts: string[], headers: Record<string, string> = {}): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBodyAtMost", () => {
  it("returns the whole body up to the limit, across chunks", async () => {
    const bytes = await readBodyAtMost(streamed(["ab", "cd"]), 4);
    expect(new TextDecoder().decode(bytes!)).toBe("abcd");
  });

  it("gives up once the streamed body passes the limit, without a declared length", async () => {
    expect(await readBodyAtMost(streamed(["ab", "cde"]), 4)).toBeNull();
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    expect(await readBodyAtMost(streamed(["a"], { "content-length": "5000" }), 4)).toBeNull();
  });

  it("reads an absent body as empty", async () => {
    expect((await readBodyAtMost(new Request("http://localhost/"), 4))!.byteLength).toBe(0);
  });
});
