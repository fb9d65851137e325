-- Generations lose their per-row org FK: settlement's usage transfer (same transaction, org FK with
-- ON DELETE restrict) checks each org once per batch instead, at a third of the insert's cost.
ALTER TABLE "generations" DROP CONSTRAINT "generations_org_id_organizations_id_fk";
