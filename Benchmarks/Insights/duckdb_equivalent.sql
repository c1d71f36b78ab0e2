-- The same work as `insightflow refresh --all` on the benchmark workspace, done by DuckDB (the peer the scale
-- issue races against). Run from the workspace folder through duckdb_run.py (DuckDB from PyPI; run.sh installs it).
-- The statements mirror sqlite3_equivalent.sql one for one: typed tables from the CSVs, the same normalization,
-- rule-by-rule label propagation with window functions, precedence merge, the same measures and segments.
CREATE TABLE crm AS SELECT * FROM read_csv('data/crm_contacts.csv', header = true, columns = {
    'contact_id': 'BIGINT', 'full_name': 'VARCHAR', 'email': 'VARCHAR', 'phone': 'VARCHAR', 'city': 'VARCHAR', 'modified_on': 'VARCHAR'});
CREATE TABLE web AS SELECT * FROM read_csv('data/webshop_accounts.csv', header = true, columns = {
    'account_id': 'VARCHAR', 'display_name': 'VARCHAR', 'email': 'VARCHAR', 'mobile': 'VARCHAR', 'signup_date': 'VARCHAR'});
CREATE TABLE loyalty AS SELECT * FROM read_csv('data/loyalty_members.csv', header = true, columns = {
    'member_no': 'VARCHAR', 'name': 'VARCHAR', 'phone': 'VARCHAR', 'city': 'VARCHAR', 'tier': 'VARCHAR'});
CREATE TABLE orders AS SELECT * FROM read_csv('data/orders.csv', header = true, columns = {
    'order_id': 'BIGINT', 'account_id': 'VARCHAR', 'amount': 'DOUBLE', 'order_date': 'VARCHAR'});

CREATE TEMP TABLE rec AS
    SELECT row_number() OVER () AS rid, * FROM (
    SELECT 'crm' AS source, CAST(contact_id AS VARCHAR) AS record_key, 0 AS rank, full_name AS name, email, phone, city,
        NULL::VARCHAR AS signupDate, NULL::VARCHAR AS loyaltyTier,
        NULLIF(lower(trim(email)), '') AS k_email, NULLIF(lower(trim(full_name)), '') AS k_name,
        NULLIF(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''), '') AS k_phone
    FROM crm WHERE contact_id IS NOT NULL
    UNION ALL
    SELECT 'web', account_id, 1, display_name, email, mobile, NULL, signup_date, NULL,
        NULLIF(lower(trim(email)), ''), NULLIF(lower(trim(display_name)), ''), NULLIF(replace(replace(replace(mobile, ' ', ''), '-', ''), '+', ''), '')
    FROM web WHERE account_id IS NOT NULL
    UNION ALL
    SELECT 'loyalty', member_no, 2, name, NULL, phone, city, NULL, tier,
        NULL, NULLIF(lower(trim(name)), ''), NULLIF(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''), '')
    FROM loyalty WHERE member_no IS NOT NULL);

CREATE TEMP TABLE g1 AS SELECT rid, k_email, k_name, k_phone,
    CASE WHEN k_email IS NULL THEN rid ELSE min(rid) OVER (PARTITION BY k_email) END AS g FROM rec;
CREATE TEMP TABLE g2 AS SELECT rid, k_email, g AS g_email,
    CASE WHEN k_name IS NULL OR k_phone IS NULL THEN g ELSE min(g) OVER (PARTITION BY k_name, k_phone) END AS g FROM g1;
CREATE TEMP TABLE assign AS SELECT rid, 'C' || CAST(min(g) OVER (PARTITION BY g_email) AS VARCHAR) AS customer_id FROM g2;

CREATE TABLE customer AS SELECT a.customer_id,
    arg_min(r.name, (r.name IS NULL, r.rank, r.rid)) AS name, arg_min(r.email, (r.email IS NULL, r.rank, r.rid)) AS email,
    arg_min(r.phone, (r.phone IS NULL, r.rank, r.rid)) AS phone, arg_min(r.city, (r.city IS NULL, r.rank, r.rid)) AS city,
    arg_min(r.signupDate, (r.signupDate IS NULL, r.rank, r.rid)) AS signupDate,
    arg_min(r.loyaltyTier, (r.loyaltyTier IS NULL, r.rank, r.rid)) AS loyaltyTier
FROM assign a JOIN rec r ON r.rid = a.rid GROUP BY a.customer_id;
CREATE UNIQUE INDEX customer_id ON customer(customer_id);
CREATE TABLE customer_link AS SELECT DISTINCT a.customer_id, r.source, r.record_key FROM assign a JOIN rec r ON r.rid = a.rid;
CREATE UNIQUE INDEX customer_link_record ON customer_link(source, record_key);

CREATE TABLE measure_value (measure VARCHAR, value DOUBLE);
CREATE TABLE customer_measure_value (measure VARCHAR, customer_id VARCHAR, value DOUBLE, PRIMARY KEY (measure, customer_id));
CREATE TABLE segment_member (segment VARCHAR, customer_id VARCHAR, PRIMARY KEY (segment, customer_id));
INSERT INTO measure_value SELECT 'Total revenue', COALESCE(SUM(amount), 0) FROM orders;
INSERT INTO measure_value SELECT 'Active customers', COUNT(DISTINCT l.customer_id)
    FROM (SELECT a.account_id AS k, COUNT(*) AS v FROM orders a
          WHERE a.order_date >= CAST(CAST(current_date - INTERVAL 30 DAY AS DATE) AS VARCHAR) GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k;
INSERT INTO measure_value SELECT 'Average order value', AVG(amount) FROM orders;
INSERT INTO customer_measure_value SELECT 'Lifetime spend', l.customer_id, COALESCE(SUM(g.v), 0)
    FROM (SELECT a.account_id AS k, SUM(a.amount) AS v FROM orders a GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k GROUP BY l.customer_id;
INSERT INTO customer_measure_value SELECT 'Orders last 90 days', l.customer_id, COALESCE(SUM(g.v), 0)
    FROM (SELECT a.account_id AS k, COUNT(*) AS v FROM orders a
          WHERE a.order_date >= CAST(CAST(current_date - INTERVAL 90 DAY AS DATE) AS VARCHAR) GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k GROUP BY l.customer_id;

INSERT INTO segment_member SELECT 'High value', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Lifetime spend' AND customer_id = p.customer_id), 0) > 3000;
INSERT INTO segment_member SELECT 'Lapsed', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Lifetime spend' AND customer_id = p.customer_id), 0) > 0
    AND COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Orders last 90 days' AND customer_id = p.customer_id), 0) = 0;
INSERT INTO segment_member SELECT 'New this month', customer_id FROM customer p
    WHERE signupDate >= CAST(CAST(current_date - INTERVAL 30 DAY AS DATE) AS VARCHAR);
INSERT INTO segment_member SELECT 'Berlin', customer_id FROM customer p WHERE city = 'Berlin';
INSERT INTO segment_member SELECT 'Berlin or Hamburg', customer_id FROM customer p WHERE city = 'Berlin' OR city = 'Hamburg';
INSERT INTO segment_member SELECT 'No email', customer_id FROM customer p WHERE email IS NULL OR email = '';
INSERT INTO segment_member SELECT 'Gmail', customer_id FROM customer p WHERE instr(lower(email), 'gmail') > 0;
INSERT INTO segment_member SELECT 'Name starts with A', customer_id FROM customer p WHERE substr(lower(name), 1, 1) = 'a';
INSERT INTO segment_member SELECT 'Frequent', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Orders last 90 days' AND customer_id = p.customer_id), 0) >= 3;
INSERT INTO segment_member SELECT 'High value in Berlin', customer_id FROM customer p WHERE
    customer_id IN (SELECT customer_id FROM segment_member WHERE segment = 'High value') AND city = 'Berlin';
