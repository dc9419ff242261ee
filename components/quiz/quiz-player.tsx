"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { PublicQuestion, QuestionReveal, Response } from "@/lib/questions/types";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isWithheldReply, WithheldFeedback, type WithheldReply } from "@/components/classes/withheld-feedback";
import { ChoiceOptions, type OptionMark } from "./choice-options";
import { FeedbackPanel } from "./feedback-panel";
import { MatchQuestion } from "./match-question";
import { OrderQuestion } from "./order-question";
import { QuizProgress } from "./quiz-progress";
import { MapQuestion } from "./map-question";
import { TextQuestion } from "./text-question";

/** The answer route's reply (see app/api/quizzes/[quizId]/answers/route.ts). */
export interface AnswerReply {
  correct: boolean;
  score: number;
  reveal: QuestionReveal;
  finished: boolean;
  nextPosition: number | null;
  correctCount: number;
  alreadyAnswered: boolean;
}

type Phase = "answering" | "submitting" | "feedback" | "blocked";

/**
 * One question of a quiz: shows it, sends the answer to the server, shows the verdict, and
 * moves on. The page mounts a fresh player per question (keyed by position), so state never
 * leaks from one question to the next.
 *
 * Keyboard: number keys choose options (toggle for multiple choice), Enter answers and, on the
 * feedback, moves on. Focus goes to the question heading when it appears and to "Next" once
 * the verdict is in.
 */
export function QuizPlayer({
  quizId,
  position,
  questionCount,
  question,
  isMistakesMode,
}: {
  quizId: string;
  position: number;
  questionCount: number;
  question: PublicQuestion;
  isMistakesMode: boolean;
}) {
  const t = useTranslations("quiz.play");
  const router = useRouter();
  const [response, setResponse] = useState<Response>(() => initialResponse(question));
  const [phase, setPhase] = useState<Phase>("answering");
  // An assignment's reveal policy may withhold the grade: then the reply only says "saved".
  const [reply, setReply] = useState<AnswerReply | WithheldReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isMovingOn, startMovingOn] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const isBusy = useRef(false);
  const isHydrated = useHydrated();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (phase === "feedback") nextRef.current?.focus();
  }, [phase]);

  const isComplete = isResponseComplete(question, response);
  const isLocked = phase !== "answering";

  const submit = useCallback(async () => {
    if (isBusy.current || phase !== "answering") return;
    if (!isResponseComplete(question, response)) {
      setError(t("errors.incomplete"));
      return;
    }
    // The server refuses a typed year that is no year; say so before sending it.
    if (isYearQuestion(question) && response.kind === "text" && !/^\s*\d{4}\s*$/.test(response.text)) {
      setError(t("errors.notAYear"));
      return;
    }
    isBusy.current = true;
    setError(null);
    setPhase("submitting");
    try {
      const res = await fetch(`/api/quizzes/${encodeURIComponent(quizId)}/answers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ position, response }),
      });
      if (res.ok) {
        setReply((await res.json()) as AnswerReply | WithheldReply);
        setPhase("feedback");
        return;
      }
      const status = res.status;
      // A refusal the learner must understand (an assignment's time is up) comes with its own text.
      const refusal = (await res.json().catch(() => null)) as { message?: unknown } | null;
      const serverMessage = typeof refusal?.message === "string" ? refusal.message : null;
      setError(serverMessage ?? (status === 404 ? t("errors.notFound") : status === 409 ? t("errors.conflict") : t("errors.invalid")));
      setPhase(status === 409 || status === 404 ? "blocked" : "answering");
    } catch {
      setError(t("errors.network"));
      setPhase("answering");
    } finally {
      isBusy.current = false;
    }
  }, [phase, position, question, quizId, response, t]);

  const moveOn = useCallback(() => {
    if (!reply || isMovingOn) return;
    startMovingOn(() => {
      if (reply.finished) router.push(`/quiz/${encodeURIComponent(quizId)}/summary`);
      else router.refresh();
    });
  }, [isMovingOn, quizId, reply, router]);

  const chooseByNumber = useCallback(
    (index: number) => {
      if (phase !== "answering" || (question.kind !== "single" && question.kind !== "multi")) return;
      const option = question.options?.[index];
      if (!option) return;
      setError(null);
      setResponse((current) => toggleOption(current, option.value));
    },
    [phase, question],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const isTextField = Boolean(target?.closest("input:not([type=radio]):not([type=checkbox]), textarea, [contenteditable=true]"));
      if (/^[1-9]$/.test(event.key)) {
        if (isTextField || target?.closest("select")) return;
        event.preventDefault();
        chooseByNumber(Number(event.key) - 1);
      } else if (event.key === "Enter") {
        // Text fields submit their form; buttons and links do what they say.
        if (isTextField || target?.closest("button, a, summary")) return;
        event.preventDefault();
        if (phase === "answering") void submit();
        else if (phase === "feedback") moveOn();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [chooseByNumber, moveOn, phase, submit]);

  const answerKey = reply && !isWithheldReply(reply) ? reply.reveal.answerKey : null;
  const markOf = (value: string): OptionMark => {
    if (!Array.isArray(answerKey)) return null;
    const isRight = answerKey.includes(value);
    if (response.kind === "single") return isRight ? "correct" : response.value === value ? "wrong" : null;
    if (response.kind === "multi") {
      const isChosen = response.values.includes(value);
      return isChosen ? (isRight ? "picked" : "wrongPick") : isRight ? "missed" : null;
    }
    return null;
  };
  /** Order: whether the item stands in its right place, and where it belongs. */
  const placeOf = (value: string, index: number) => {
    if (!Array.isArray(answerKey) || question.kind !== "order") return null;
    const position = answerKey.indexOf(value) + 1;
    return { isRight: position === index + 1, position };
  };
  /** Match: whether the pair is right, and the right partner's label. */
  const pairMarkOf = (left: string) => {
    if (!answerKey || Array.isArray(answerKey) || response.kind !== "match") return null;
    const right = answerKey[left];
    return { isRight: response.pairs[left] === right, answer: question.right?.find((o) => o.value === right)?.label ?? "" };
  };

  // "Next" sits right under the verdict and the right answer, so focusing it keeps both in view on a phone.
  const nextButton = (
    <Button ref={nextRef} size="lg" onClick={moveOn} disabled={isMovingOn} className="w-full sm:w-auto" data-testid="next">
      {isMovingOn ? t("loadingNext") : reply?.finished ? t("toSummary") : t("next")}
      <span aria-hidden="true">→</span>
    </Button>
  );
  const submitButton = (
    <Button type="submit" size="lg" disabled={phase !== "answering"} aria-disabled={!isComplete} className="w-full sm:w-auto">
      {phase === "submitting" ? t("submitting") : t("submit")}
    </Button>
  );

  const answered = position + (reply ? 1 : 0);
  const hint = {
    single: t("hintSingle", { count: Math.min(9, question.options?.length ?? 0) }),
    multi: t("hintMulti"),
    order: t("hintOrder"),
    match: t("hintMatch"),
    text: t("hintText"),
    map: t("hintMap"),
  }[question.kind];

  return (
    <div data-hydrated={isHydrated || undefined} data-phase={phase}>
      <QuizProgress number={position + 1} total={questionCount} answered={answered} isMistakesMode={isMistakesMode} />
      <Card className="mt-4">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (phase === "answering") void submit();
          }}
          noValidate
        >
          <h1
            ref={headingRef}
            tabIndex={-1}
            id="question-heading"
            className="text-xl font-semibold leading-snug tracking-tight text-slate-900 sm:text-2xl"
          >
            <span className="sr-only">{t("progress", { number: position + 1, total: questionCount })}: </span>
            {question.prompt}
          </h1>
          {/* Keyboard tips: noise on a touch screen. */}
          <p className="mt-2 text-sm text-slate-600 pointer-coarse:hidden">{hint}</p>

          {question.kind === "single" || question.kind === "multi" ? (
            <ChoiceOptions
              name={question.id}
              legend={question.prompt}
              options={question.options ?? []}
              multiple={question.kind === "multi"}
              selected={response.kind === "single" ? (response.value ? [response.value] : []) : response.kind === "multi" ? response.values : []}
              onToggle={(value) => {
                setError(null);
                setResponse((current) => toggleOption(current, value));
              }}
              disabled={isLocked}
              markOf={markOf}
            />
          ) : question.kind === "order" && response.kind === "order" ? (
            <OrderQuestion
              options={question.options ?? []}
              values={response.values}
              onChange={(values) => setResponse({ kind: "order", values })}
              disabled={isLocked}
              placeOf={placeOf}
              legend={question.prompt}
            />
          ) : question.kind === "match" && response.kind === "match" ? (
            <MatchQuestion
              questionId={question.id}
              left={question.left ?? []}
              right={question.right ?? []}
              pairs={response.pairs}
              onChange={(pairs) => {
                setError(null);
                setResponse({ kind: "match", pairs });
              }}
              disabled={isLocked}
              markOf={pairMarkOf}
              legend={question.prompt}
            />
          ) : response.kind === "map" ? (
            <MapQuestion
              questionId={question.id}
              options={question.options ?? []}
              value={response.value}
              highlight={question.highlight}
              onChange={(value) => {
                setError(null);
                setResponse({ kind: "map", value });
              }}
              disabled={isLocked}
            />
          ) : response.kind === "text" ? (
            <TextQuestion
              questionId={question.id}
              text={response.text}
              onChange={(text) => {
                setError(null);
                setResponse({ kind: "text", text });
              }}
              disabled={isLocked}
              isYear={isYearQuestion(question)}
            />
          ) : null}

          <div aria-live="polite" className="mt-5 empty:hidden">
            {reply ? isWithheldReply(reply) ? <WithheldFeedback reply={reply} /> : <FeedbackPanel reply={reply} question={question} response={response} next={nextButton} /> : null}
          </div>
          <div role="alert" className="empty:hidden">
            {error ? (
              <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {error}{" "}
                {phase === "blocked" ? (
                  <button type="button" className="font-semibold underline" onClick={() => window.location.reload()}>
                    {t("errors.reload")}
                  </button>
                ) : null}
              </p>
            ) : null}
          </div>

          {phase === "feedback" && reply && !isWithheldReply(reply) ? null : <div className="mt-6 flex justify-end">{phase === "feedback" ? nextButton : submitButton}</div>}
        </form>
      </Card>
    </div>
  );
}

/** Typed-year questions take four digits, not a name. */
function isYearQuestion(question: PublicQuestion): boolean {
  return question.type === "typed-accession-year";
}

function initialResponse(question: PublicQuestion): Response {
  switch (question.kind) {
    case "single":
      return { kind: "single", value: "" };
    case "multi":
      return { kind: "multi", values: [] };
    case "order":
      return { kind: "order", values: (question.options ?? []).map((o) => o.value) };
    case "match":
      return { kind: "match", pairs: {} };
    case "text":
      return { kind: "text", text: "" };
    case "map":
      return { kind: "map", value: "" };
  }
}

function toggleOption(current: Response, value: string): Response {
  if (current.kind === "single") return { kind: "single", value };
  if (current.kind === "multi") {
    return { kind: "multi", values: current.values.includes(value) ? current.values.filter((v) => v !== value) : [...current.values, value] };
  }
  return current;
}

function isResponseComplete(question: PublicQuestion, response: Response): boolean {
  switch (response.kind) {
    case "single":
      return response.value !== "";
    case "multi":
      return response.values.length > 0;
    case "order":
      return response.values.length === (question.options?.length ?? 0);
    case "match":
      return (question.left ?? []).every((left) => Boolean(response.pairs[left.value]));
    case "text":
      return response.text.trim() !== "";
    case "map":
      return response.value !== "";
  }
}
