-- AlterTable
ALTER TABLE "members" ADD COLUMN     "facts_version" INTEGER NOT NULL DEFAULT 0;

-- The metric reads keep members' computed weeks in memory (server/src/modules/metrics/metric-cache.ts)
-- and reuse them only while members.facts_version is the number they were computed at. Every
-- statement that changes day facts bumps it for the members it touched, in the transaction of the
-- change (a reader sees both or neither): the rebuilds (a delete, then an insert), the recompute's
-- delete of all of a member's days, and any writer to come, without each having to remember to.
-- Statement-level, so a rebuild of a year of days is one update of one row. Wraps to 1 instead of
-- overflowing (a write must never fail for this). No backfill: every cache starts empty.
CREATE FUNCTION "member_day_facts_bump_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "members" AS m
     SET "facts_version" = (m."facts_version" % 2147483647) + 1
    FROM (SELECT DISTINCT "organization_id", "member_id" FROM "changed_facts") AS c
   WHERE m."organization_id" = c."organization_id" AND m."id" = c."member_id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "member_day_facts_inserted" AFTER INSERT ON "member_day_facts"
  REFERENCING NEW TABLE AS "changed_facts"
  FOR EACH STATEMENT EXECUTE FUNCTION "member_day_facts_bump_version"();

CREATE TRIGGER "member_day_facts_updated" AFTER UPDATE ON "member_day_facts"
  REFERENCING NEW TABLE AS "changed_facts"
  FOR EACH STATEMENT EXECUTE FUNCTION "member_day_facts_bump_version"();

CREATE TRIGGER "member_day_facts_deleted" AFTER DELETE ON "member_day_facts"
  REFERENCING OLD TABLE AS "changed_facts"
  FOR EACH STATEMENT EXECUTE FUNCTION "member_day_facts_bump_version"();
