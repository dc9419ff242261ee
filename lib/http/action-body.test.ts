import { describe, expect, it } from "vitest";
import { isDecodableActionForm, isDecodableActionReply } from "./action-body";

describe("isDecodableActionReply", () => {
  it("accepts what encodeReply sends for this app's actions", () => {
    expect(isDecodableActionReply("[]")).toBe(true);
    expect(isDecodableActionReply('[null,{"email":"a@b.de","password":"x"}]')).toBe(true);
    expect(isDecodableActionReply('["de"]')).toBe(true);
    expect(isDecodableActionReply('[null,"$K1"]')).toBe(true); // (previous state, FormData of the 1_… parts)
    expect(isDecodableActionReply('["$$escaped","$undefined","$D2026-01-01T00:00:00.000Z","$n12","$NaN"]')).toBe(true);
    expect(isDecodableActionReply('[null,"$@1"]', new Set(["1"]))).toBe(true);
  });

  it("refuses what is no JSON, no argument list, or refers to a part that is not there", () => {
    expect(isDecodableActionReply("{{{")).toBe(false);
    expect(isDecodableActionReply('"x"')).toBe(false);
    expect(isDecodableActionReply("5")).toBe(false);
    expect(isDecodableActionReply('{"a":1}')).toBe(false);
    expect(isDecodableActionReply('["$Q1"]')).toBe(false);
    expect(isDecodableActionReply('[{"deep":["$@a"]}]', new Set(["1"]))).toBe(false);
    expect(isDecodableActionReply('["$Zzz"]')).toBe(false);
    expect(isDecodableActionReply("[".repeat(100) + "]".repeat(100))).toBe(false);
  });
});

describe("isDecodableActionForm", () => {
  function form(entries: Record<string, string>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(entries)) data.append(key, value);
    return data;
  }

  it("accepts the multipart body encodeReply sends for a form action", () => {
    expect(isDecodableActionForm(form({ "0": '[null,"$K1"]', "1_email": "a@b.de", "1_password": "x" }))).toBe(true);
    expect(isDecodableActionForm(form({ "0": '[null,"$@1"]', "1": "[]" }))).toBe(true);
  });

  it("refuses a body without a root, with a root that is no argument list, or with a dangling reference", () => {
    expect(isDecodableActionForm(form({ "1_email": "a@b.de" }))).toBe(false);
    expect(isDecodableActionForm(form({ "0": "{{{" }))).toBe(false);
    expect(isDecodableActionForm(form({ "0": '["$@5"]' }))).toBe(false);
    const withFile = new FormData();
    withFile.append("0", new Blob(["[]"]), "root.json");
    expect(isDecodableActionForm(withFile)).toBe(false);
  });
});
