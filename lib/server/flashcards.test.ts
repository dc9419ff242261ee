import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("flashcards");
const { db } = await import("./db");
const { ConflictError, NotFoundError } = await import("./errors");
const { importFactSets } = await import("./fact-sets");
const { loadFactSets } = await import("../facts/load-fact-sets");
const { parseSchedule, parseReviewLog } = await import("../flashcards/scheduler");
const flashcards = await import("./flashcards");
const { getCardInDeck, getDeck, getDueCounts, getNextCard, getReviewStats, getSettings, listDecks, recordReview, undoLastReview, updateSettings } =
  flashcards;

/** A Wednesday, 10:00 in Berlin (UTC+2). */
const now = new Date("2026-06-10T08:00:00Z");
const minute = 60_000;
const day = 24 * 60 * minute;
const at = (ms: number) => new Date(now.getTime() + ms);

beforeAll(async () => {
  await importFactSets([...loadFactSets().values()]);
});

async function createUser(): Promise<string> {
  return (await db.user.create({ data: {}, select: { id: true } })).id;
}

async function cardStateRow(userId: string, cardId: string) {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

/** Reviews the deck's next card with `grade` at `when`; returns the card id. */
async function reviewNext(userId: string, deck: string, grade: 1 | 2 | 3 | 4, when: Date): Promise<string> {
  const session = await getNextCard(userId, deck, when);
  if (!session.item) throw new Error("nothing to review");
  await recordReview(userId, { cardId: session.item.card.id, grade, expectedReps: session.item.reps }, when);
  return session.item.card.id;
}

describe("decks", () => {
  it("lists the topic, founding, wave and event decks with counts for a visitor without a session", async () => {
    const decks = await listDecks(null, now);
    const refs = decks.map((deck) => deck.ref);
    expect(refs[0]).toBe("nato");
    expect(refs).toEqual(expect.arrayContaining(["nato:founding", "nato:wave-1999", "nato:wave-2004", "nato:events"]));
    const topic = decks[0]!;
    expect(topic).toMatchObject({ kind: "topic", dueCount: 0, newCount: 20, unseenCount: topic.cardCount });
    expect(decks.find((deck) => deck.ref === "nato:wave-1999")).toMatchObject({ kind: "wave", year: 1999, cardCount: 4, newCount: 4 });
    expect(await getDueCounts(null, now)).toEqual({ due: 0, new: 20 });
  });

  it("refuses unknown decks as not found", async () => {
    await expect(getNextCard(null, "nato:wave-1800", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNextCard(null, "eu", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNextCard(null, "NATO; drop", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reviewing", () => {
  it("records a review with its facts and previous state, and moves the card out of 'new'", async () => {
    const userId = await createUser();
    const first = await getNextCard(userId, "nato:wave-1999", now);
    expect(first.item?.card.id).toBe("nato:wave-1999~year-to-countries");
    expect(first.item?.state).toBeNull();
    expect(first.counts).toEqual({ new: 4, learning: 0, review: 0 });
    expect(first.item!.intervals[3].intervalMs).toBe(10 * minute);

    const recorded = await recordReview(userId, { cardId: first.item!.card.id, grade: 3, expectedReps: 0 }, now);
    const log = await db.reviewLog.findUniqueOrThrow({ where: { id: recorded.reviewId } });
    expect(log).toMatchObject({ userId, cardId: "nato:wave-1999~year-to-countries", factSetId: "nato", grade: 3, previousState: null, reviewedAt: now });
    expect(log.factIds.split(",").sort()).toEqual(["accession-cz", "accession-hu", "accession-pl"]);
    expect(parseReviewLog(log.log)).toMatchObject({ grade: 3, state: 0 });

    const state = await cardStateRow(userId, recorded.cardId);
    expect(state).toMatchObject({ state: 1, reps: 1, due: at(10 * minute) });

    const next = await getNextCard(userId, "nato:wave-1999", at(minute));
    expect(next.item?.card.id).not.toBe(recorded.cardId); // the learning card waits for its step
    expect(next.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect((await getDeck(userId, "nato:wave-1999", at(minute))).dueCount).toBe(1); // due later today
  });

  it("refuses a stale or doubled grade instead of grading the card twice", async () => {
    const userId = await createUser();
    const session = await getNextCard(userId, "nato:events", now);
    const cardId = session.item!.card.id;
    await recordReview(userId, { cardId, grade: 3, expectedReps: 0 }, now);
    await expect(recordReview(userId, { cardId, grade: 3, expectedReps: 0 }, at(1000))).rejects.toBeInstanceOf(ConflictError);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("rejects unknown cards and grades outside 1–4", async () => {
    const userId = await createUser();
    await expect(recordReview(userId, { cardId: "nato:accession-xx~country-to-date", grade: 3 }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordReview(userId, { cardId: "nato:accession-pl~country-to-date", grade: 5 }, now)).rejects.toThrow();
    await expect(recordReview(userId, { cardId: "nato:accession-pl~country-to-date", grade: 0 }, now)).rejects.toThrow();
  });

  it("keeps learners apart: one learner's reviews do not change another's queue", async () => {
    const alice = await createUser();
    const bob = await createUser();
    await reviewNext(alice, "nato:wave-2004", 4, now);
    expect((await getNextCard(bob, "nato:wave-2004", now)).counts.new).toBe(8);
    expect((await getNextCard(alice, "nato:wave-2004", now)).counts.new).toBe(7);
    expect(await undoLastReview(bob)).toBeNull();
  });
});

describe("undo", () => {
  it("restores the card state exactly, one review at a time, and deletes the card of a first review", async () => {
    const userId = await createUser();
    const cardId = "nato:accession-pl~country-to-date";
    const snapshots: (Awaited<ReturnType<typeof cardStateRow>>)[] = [await cardStateRow(userId, cardId)];
    let when = now;
    for (const grade of [3, 3, 1, 3, 4] as const) {
      const before = await cardStateRow(userId, cardId);
      await recordReview(userId, { cardId, grade, expectedReps: before?.reps ?? 0 }, when);
      const after = await cardStateRow(userId, cardId);
      snapshots.push(after);
      when = new Date(Math.max(after!.due.getTime(), when.getTime() + minute));
    }
    expect(await db.reviewLog.count({ where: { userId } })).toBe(5);
    // Each logged previous state equals the row as it was before that review.
    const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: { reviewedAt: "asc" } });
    for (const [index, log] of logs.entries()) {
      const before = snapshots[index];
      const { userId: _owner, cardId: _card, factSetId: _set, ...schedule } = before ?? { userId, cardId, factSetId: "" };
      expect(log.previousState === null ? null : parseSchedule(log.previousState)).toStrictEqual(before ? schedule : null);
    }
    for (let index = snapshots.length - 2; index >= 0; index--) {
      const undone = await undoLastReview(userId);
      expect(undone?.cardId).toBe(cardId);
      expect(await cardStateRow(userId, cardId)).toEqual(snapshots[index]);
    }
    expect(await cardStateRow(userId, cardId)).toBeNull();
    expect(await db.reviewLog.count({ where: { userId } })).toBe(0);
    expect(await undoLastReview(userId)).toBeNull();
  });

  it("gives the undone card and the counts back to the deck", async () => {
    const userId = await createUser();
    const before = await getNextCard(userId, "nato:wave-2009", now);
    const cardId = await reviewNext(userId, "nato:wave-2009", 4, now);
    expect((await getNextCard(userId, "nato:wave-2009", at(minute))).counts.new).toBe(before.counts.new - 1);
    await undoLastReview(userId);
    const again = await getCardInDeck(userId, "nato:wave-2009", cardId, at(minute));
    expect(again.item?.card.id).toBe(cardId);
    expect(again.item?.state).toBeNull();
    expect(again.counts).toEqual(before.counts);
    expect(await getDueCounts(userId, at(minute))).toEqual({ due: 0, new: 20 });
  });
});

describe("the daily new-card limit", () => {
  it("allows newCardsPerDay first reviews per Berlin day, across decks, and more after midnight", async () => {
    const userId = await createUser();
    await updateSettings(userId, { desiredRetention: 0.9, newCardsPerDay: 3 });
    const evening = new Date("2026-06-10T21:00:00Z"); // 23:00 in Berlin
    await reviewNext(userId, "nato:wave-2004", 4, evening);
    await reviewNext(userId, "nato:events", 4, new Date(evening.getTime() + minute));
    await reviewNext(userId, "nato", 4, new Date(evening.getTime() + 2 * minute));
    const full = await getNextCard(userId, "nato:wave-2004", new Date(evening.getTime() + 3 * minute));
    expect(full.item).toBeNull();
    expect(full.newCardsLeftToday).toBe(0);
    expect((await listDecks(userId, new Date(evening.getTime() + 3 * minute))).every((deck) => deck.newCount === 0)).toBe(true);

    const afterMidnight = new Date("2026-06-10T22:05:00Z"); // 00:05 in Berlin
    const fresh = await getNextCard(userId, "nato:wave-2004", afterMidnight);
    expect(fresh.newCardsLeftToday).toBe(3);
    expect(fresh.counts.new).toBe(3);
    expect(await getDueCounts(userId, afterMidnight)).toMatchObject({ new: 3 });
  });
});

describe("settings", () => {
  it("defaults to 0.9 and 20, and stores valid changes", async () => {
    const userId = await createUser();
    expect(await getSettings(userId)).toEqual({ desiredRetention: 0.9, newCardsPerDay: 20 });
    expect(await updateSettings(userId, { desiredRetention: "0.85", newCardsPerDay: "35" })).toEqual({ desiredRetention: 0.85, newCardsPerDay: 35 });
    expect(await getSettings(userId)).toEqual({ desiredRetention: 0.85, newCardsPerDay: 35 });
  });

  it("refuses a retention outside 0.70–0.97 and a daily limit outside 0–500", async () => {
    const userId = await createUser();
    for (const bad of [
      { desiredRetention: 0.69, newCardsPerDay: 20 },
      { desiredRetention: 0.98, newCardsPerDay: 20 },
      { desiredRetention: 0.9, newCardsPerDay: -1 },
      { desiredRetention: 0.9, newCardsPerDay: 501 },
      { desiredRetention: 0.9, newCardsPerDay: 2.5 },
      { desiredRetention: "abc", newCardsPerDay: 20 },
    ]) {
      await expect(updateSettings(userId, bad)).rejects.toThrow();
    }
    expect(await getSettings(userId)).toEqual({ desiredRetention: 0.9, newCardsPerDay: 20 });
  });

  it("schedules with the learner's retention: a higher target gives a shorter interval", async () => {
    const low = await createUser();
    const high = await createUser();
    await updateSettings(low, { desiredRetention: 0.7, newCardsPerDay: 20 });
    await updateSettings(high, { desiredRetention: 0.97, newCardsPerDay: 20 });
    const easy = async (userId: string) => (await getNextCard(userId, "nato:founding", now)).item!.intervals[4].intervalMs;
    expect(await easy(high)).toBeLessThan(await easy(low));
  });
});

describe("statistics", () => {
  it("counts reviews per day, forecasts due cards and measures true retention on Review-state cards", async () => {
    const userId = await createUser();
    const cardId = "nato:accession-es~country-to-date";
    // Learn (two Good steps), review on time with Good, forget it (Again), relearn (Good):
    // about two weeks, all inside the 30-day window.
    let when = now;
    for (const grade of [3, 3, 3, 1, 3] as const) {
      await recordReview(userId, { cardId, grade }, when);
      when = (await cardStateRow(userId, cardId))!.due;
    }
    const last = (await cardStateRow(userId, cardId))!;
    const statsAt = new Date(last.lastReview!.getTime() + 60 * minute);
    expect(statsAt.getTime() - now.getTime()).toBeLessThan(28 * day);

    const stats = await getReviewStats(userId, statsAt);
    expect(stats.totalReviews).toBe(5);
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(5);
    expect(stats.reviewsPerDay.reduce((sum, d) => sum + d.again, 0)).toBe(1);
    expect(stats.trueRetention.allTime).toEqual({ reviews: 2, passed: 1, rate: 0.5 });
    expect(stats.trueRetention.last30Days).toEqual(stats.trueRetention.allTime);
    expect(stats.desiredRetention).toBe(0.9);
    expect(stats.forecast).toHaveLength(14);
    expect(stats.forecast.reduce((sum, d) => sum + d.count, 0)).toBe(last.due.getTime() - statsAt.getTime() < 14 * day ? 1 : 0);
    expect(stats.studiedCards).toBe(1);
  });

  it("is empty for a visitor without a session", async () => {
    const stats = await getReviewStats(null, now);
    expect(stats.totalReviews).toBe(0);
    expect(stats.trueRetention.allTime.rate).toBeNull();
  });
});
