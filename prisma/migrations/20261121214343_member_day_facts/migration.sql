-- CreateTable
CREATE TABLE "member_day_facts" (
    "organization_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "local_date" DATE NOT NULL,
    "iso_week" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "deep_block_minutes" INTEGER NOT NULL,
    "working_day" BOOLEAN NOT NULL,
    "maker_minutes" INTEGER NOT NULL,
    "manager_minutes" INTEGER NOT NULL,
    "neutral_minutes" INTEGER NOT NULL,
    "manager_by_subtype" JSONB NOT NULL,
    "deep_blocks" INTEGER NOT NULL,
    "deep_minutes" INTEGER NOT NULL,
    "longest_block_minutes" INTEGER NOT NULL,
    "fragmented_maker_minutes" INTEGER NOT NULL,
    "capacity_minutes" INTEGER NOT NULL,
    "capacity_block_minutes" INTEGER NOT NULL,
    "fragmented_capacity_minutes" INTEGER NOT NULL,
    "meeting_count" INTEGER NOT NULL,
    "back_to_back_chains" INTEGER NOT NULL,
    "focus_cost_minutes" INTEGER NOT NULL,
    "after_hours_minutes" INTEGER NOT NULL,
    "weekend_minutes" INTEGER NOT NULL,
    "context_switches" INTEGER NOT NULL,
    "details" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_day_facts_pkey" PRIMARY KEY ("organization_id","member_id","local_date")
);

-- CreateIndex
CREATE INDEX "member_day_facts_organization_id_member_id_iso_week_idx" ON "member_day_facts"("organization_id", "member_id", "iso_week");

-- AddForeignKey
ALTER TABLE "member_day_facts" ADD CONSTRAINT "member_day_facts_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;
