-- Entries reference their member by (organization_id, member_id) instead of carrying one foreign key
-- to the organization and another to the member: every foreign key is a lookup per inserted row, and
-- bulk imports insert thousands of rows per request. The member's own foreign key to its organization
-- still ties each entry to an organization (deleting either cascades as before). It is also the form
-- Citus needs for foreign keys between distributed tables.

-- The target of the composite key.
CREATE UNIQUE INDEX "members_organization_id_id_key" ON "members"("organization_id", "id");

ALTER TABLE "entries" DROP CONSTRAINT "entries_member_id_fkey";
ALTER TABLE "entries" DROP CONSTRAINT "entries_organization_id_fkey";

ALTER TABLE "entries" ADD CONSTRAINT "entries_organization_id_member_id_fkey" FOREIGN KEY ("organization_id", "member_id") REFERENCES "members"("organization_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
