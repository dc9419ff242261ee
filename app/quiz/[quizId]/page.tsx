import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AttemptTimer } from "@/components/classes/attempt-timer";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { getQuizForPlay } from "@/lib/server/attempts/quizzes";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz.play"))("pageTitle") };
}

/**
 * The current question of a quiz. Only the rendered PublicQuestion reaches the client
 * component: the stored spec, with its answer, stays on the server.
 */
export default async function QuizPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await getSessionUser();
  if (!user) notFound();
  const requestLocale = await getRequestLocale();
  const quiz = await orNotFound(getQuizForPlay(user.id, quizId, requestLocale));
  if (!quiz.question) redirect(`/quiz/${encodeURIComponent(quiz.id)}/summary`);

  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-3 text-sm font-medium text-brand-700">{quiz.factSetTitle}</p>
      {quiz.assignment ? <AttemptTimer title={quiz.assignment.title} remainingMs={quiz.assignment.remainingMs} /> : null}
      <QuizPlayer
        key={quiz.position}
        quizId={quiz.id}
        position={quiz.position}
        questionCount={quiz.questionCount}
        question={quiz.question}
        isMistakesMode={quiz.mode === "mistakes"}
      />
    </div>
  );
}
