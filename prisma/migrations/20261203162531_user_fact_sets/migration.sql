-- CreateTable
CREATE TABLE "FactSetVersion" (
    "factSetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("factSetId", "version"),
    CONSTRAINT "FactSetVersion_factSetId_fkey" FOREIGN KEY ("factSetId") REFERENCES "FactSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FactSetShare" (
    "factSetId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "sharedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("factSetId", "classId"),
    CONSTRAINT "FactSetShare_factSetId_fkey" FOREIGN KEY ("factSetId") REFERENCES "FactSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FactSetShare_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FactSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "ownerId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FactSet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FactSet" ("checksum", "content", "id", "title", "updatedAt", "version") SELECT "checksum", "content", "id", "title", "updatedAt", "version" FROM "FactSet";
DROP TABLE "FactSet";
ALTER TABLE "new_FactSet" RENAME TO "FactSet";
CREATE INDEX "FactSet_ownerId_idx" ON "FactSet"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FactSetShare_classId_idx" ON "FactSetShare"("classId");

