-- AlterTable
ALTER TABLE "FactSet" ADD COLUMN     "ownerId" TEXT;

-- CreateTable
CREATE TABLE "FactSetVersion" (
    "factSetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactSetVersion_pkey" PRIMARY KEY ("factSetId","version")
);

-- CreateTable
CREATE TABLE "FactSetShare" (
    "factSetId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "sharedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactSetShare_pkey" PRIMARY KEY ("factSetId","classId")
);

-- CreateIndex
CREATE INDEX "FactSetShare_classId_idx" ON "FactSetShare"("classId");

-- CreateIndex
CREATE INDEX "FactSet_ownerId_idx" ON "FactSet"("ownerId");

-- AddForeignKey
ALTER TABLE "FactSet" ADD CONSTRAINT "FactSet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSetVersion" ADD CONSTRAINT "FactSetVersion_factSetId_fkey" FOREIGN KEY ("factSetId") REFERENCES "FactSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSetShare" ADD CONSTRAINT "FactSetShare_factSetId_fkey" FOREIGN KEY ("factSetId") REFERENCES "FactSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSetShare" ADD CONSTRAINT "FactSetShare_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

