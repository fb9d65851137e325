-- The route trace is written with every request and only read whole: json keeps the text as sent
-- instead of building jsonb per row. jsonb casts to json on assignment; the change rewrites the table.
ALTER TABLE "generations" ALTER COLUMN "route_trace" SET DATA TYPE json;
