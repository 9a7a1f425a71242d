-- Customers (issue 5): who changed a customer last (the optimistic-lock refusal names them), and a
-- trigram index for the Customers search, which matches any part of the name, email, phone (also as
-- bare digits, so "0171234" finds "+49 171 234…") or licence number.

ALTER TABLE customers ADD COLUMN updated_by text NOT NULL DEFAULT current_user;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text a search word is looked for in; the same function in the index and in the query.
CREATE FUNCTION customer_search_text(full_name text, email text, phone text, licence_number text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT full_name || ' ' || email || ' ' || phone || ' ' || regexp_replace(phone, '[^0-9]', '', 'g') || ' '
           || licence_number
$$;

CREATE INDEX customers_search_idx ON customers
    USING gin (customer_search_text(full_name, email, phone, licence_number) gin_trgm_ops);
