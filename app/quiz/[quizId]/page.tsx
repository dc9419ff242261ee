import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AttemptTimer } from "@/components/classes/attempt-timer";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { NotFoundError } from "@/lib/server/errors";
import { getQuizForPlay, type QuizForPlay } from "@/lib/server/quizzes";
import { getSessionUser } from "@/lib/server/session";

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
  const requestLocale = await getLocale();
  let quiz: QuizForPlay;
  try {
    quiz = await getQuizForPlay(user.id, quizId, isLocale(requestLocale) ? requestLocale : defaultLocale);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
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
