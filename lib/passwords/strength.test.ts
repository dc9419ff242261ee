import { describe, expect, it } from "vitest";
import { isGuessablePassword, scorePassword } from "./strength";

describe("isGuessablePassword", () => {
  it("refuses the common and patterned passwords that used to be accepted", () => {
    for (const password of ["password12", "1234567890", "qwertzuiop", "passwort123", "aaaaaaaaaa", "abcdefghij", "iloveyou123", "0123456789"]) {
      expect(isGuessablePassword(password), password).toBe(true);
    }
  });

  it("accepts a short sentence and a random string", () => {
    for (const password of ["ein langes Passwort 123", "a long enough password", "Tante Erna fährt Rad", "x7#Kp2!qLm9z"]) {
      expect(isGuessablePassword(password), password).toBe(false);
    }
  });

  it("counts the person's own e-mail address and name as known words", () => {
    const password = "adalovelace1815";
    expect(scorePassword(password, ["ada.lovelace1815@example.org"])).toBeLessThan(scorePassword(password));
    expect(isGuessablePassword("lovelace2024", ["Ada Lovelace"])).toBe(true);
  });
});
