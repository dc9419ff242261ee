-- CreateIndex
CREATE INDEX "AnswerFact_answerId_idx" ON "AnswerFact"("answerId");

