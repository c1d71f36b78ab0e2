-- The same work as `insightflow refresh --all` on the benchmark workspace, done by the sqlite3 CLI.
-- Run from the workspace folder: sqlite3 /path/to/bench.db < sqlite3_equivalent.sql
-- Ingest: typed tables + .import. Measures and segments: the SQL insightflow generates (two-level activity joins). Unification: normalized keys, rule-by-rule label propagation with window
-- functions (exact for the generated data, whose match chains are at most two rules long), precedence merge.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
PRAGMA temp.cache_size = -65536;

CREATE TABLE crm (contact_id INTEGER, full_name TEXT, email TEXT, phone TEXT, city TEXT, modified_on TEXT);
CREATE TABLE web (account_id TEXT, display_name TEXT, email TEXT, mobile TEXT, signup_date TEXT);
CREATE TABLE loyalty (member_no TEXT, name TEXT, phone TEXT, city TEXT, tier TEXT);
CREATE TABLE orders (order_id INTEGER, account_id TEXT, amount REAL, order_date TEXT);
.import --csv --skip 1 data/crm_contacts.csv crm
.import --csv --skip 1 data/webshop_accounts.csv web
.import --csv --skip 1 data/loyalty_members.csv loyalty
.import --csv --skip 1 data/orders.csv orders

BEGIN;
CREATE TEMP TABLE rec (rid INTEGER PRIMARY KEY, source TEXT, record_key TEXT, rank INTEGER,
    name TEXT, email TEXT, phone TEXT, city TEXT, signupDate TEXT, loyaltyTier TEXT, k_email TEXT, k_name TEXT, k_phone TEXT);
INSERT INTO rec (source, record_key, rank, name, email, phone, city, signupDate, loyaltyTier, k_email, k_name, k_phone)
    SELECT 'crm', CAST(contact_id AS TEXT), 0, full_name, email, phone, city, NULL, NULL,
        NULLIF(lower(trim(email)), ''), NULLIF(lower(trim(full_name)), ''), NULLIF(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''), '')
    FROM crm WHERE contact_id IS NOT NULL;
INSERT INTO rec (source, record_key, rank, name, email, phone, city, signupDate, loyaltyTier, k_email, k_name, k_phone)
    SELECT 'web', account_id, 1, display_name, email, mobile, NULL, signup_date, NULL,
        NULLIF(lower(trim(email)), ''), NULLIF(lower(trim(display_name)), ''), NULLIF(replace(replace(replace(mobile, ' ', ''), '-', ''), '+', ''), '')
    FROM web WHERE account_id IS NOT NULL;
INSERT INTO rec (source, record_key, rank, name, email, phone, city, signupDate, loyaltyTier, k_email, k_name, k_phone)
    SELECT 'loyalty', member_no, 2, name, NULL, phone, city, NULL, tier,
        NULL, NULLIF(lower(trim(name)), ''), NULLIF(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''), '')
    FROM loyalty WHERE member_no IS NOT NULL;

CREATE TEMP TABLE g1 AS SELECT rid, k_email, k_name, k_phone,
    CASE WHEN k_email IS NULL THEN rid ELSE min(rid) OVER (PARTITION BY k_email) END AS g FROM rec;
CREATE TEMP TABLE g2 AS SELECT rid, k_email, g AS g_email,
    CASE WHEN k_name IS NULL OR k_phone IS NULL THEN g ELSE min(g) OVER (PARTITION BY k_name, k_phone) END AS g FROM g1;
CREATE TEMP TABLE assign AS SELECT rid, 'C' || min(g) OVER (PARTITION BY g_email) AS customer_id FROM g2;
CREATE INDEX temp.assign_rid ON assign(rid);

CREATE TABLE customer AS SELECT DISTINCT a.customer_id,
    first_value(r.name) OVER w1 AS name, first_value(r.email) OVER w2 AS email, first_value(r.phone) OVER w3 AS phone,
    first_value(r.city) OVER w4 AS city, first_value(r.signupDate) OVER w5 AS signupDate, first_value(r.loyaltyTier) OVER w6 AS loyaltyTier
FROM assign a JOIN rec r ON r.rid = a.rid
WINDOW w1 AS (PARTITION BY a.customer_id ORDER BY r.name IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       w2 AS (PARTITION BY a.customer_id ORDER BY r.email IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       w3 AS (PARTITION BY a.customer_id ORDER BY r.phone IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       w4 AS (PARTITION BY a.customer_id ORDER BY r.city IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       w5 AS (PARTITION BY a.customer_id ORDER BY r.signupDate IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       w6 AS (PARTITION BY a.customer_id ORDER BY r.loyaltyTier IS NULL, r.rank, r.rid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING);
CREATE UNIQUE INDEX customer_id ON customer(customer_id);
CREATE TABLE customer_link AS SELECT DISTINCT a.customer_id, r.source, r.record_key FROM assign a JOIN rec r ON r.rid = a.rid;
CREATE UNIQUE INDEX customer_link_record ON customer_link(source, record_key);
CREATE INDEX customer_link_customer ON customer_link(customer_id);
COMMIT;

BEGIN;
CREATE TABLE measure_value (measure TEXT, value REAL);
CREATE TABLE customer_measure_value (measure TEXT, customer_id TEXT, value REAL, PRIMARY KEY (measure, customer_id)) WITHOUT ROWID;
CREATE TABLE segment_member (segment TEXT, customer_id TEXT, PRIMARY KEY (segment, customer_id)) WITHOUT ROWID;
INSERT INTO measure_value SELECT 'Total revenue', TOTAL(amount) FROM orders;
INSERT INTO measure_value SELECT 'Active customers', COUNT(DISTINCT l.customer_id)
    FROM (SELECT a.account_id AS k, COUNT(*) AS v FROM orders a NOT INDEXED WHERE a.order_date >= date('now', '-30 days') GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k;
INSERT INTO measure_value SELECT 'Average order value', AVG(amount) FROM orders;
INSERT INTO customer_measure_value SELECT 'Lifetime spend', l.customer_id, TOTAL(g.v)
    FROM (SELECT a.account_id AS k, TOTAL(a.amount) AS v FROM orders a NOT INDEXED GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k GROUP BY l.customer_id;
INSERT INTO customer_measure_value SELECT 'Orders last 90 days', l.customer_id, COALESCE(SUM(g.v), 0)
    FROM (SELECT a.account_id AS k, COUNT(*) AS v FROM orders a NOT INDEXED WHERE a.order_date >= date('now', '-90 days') GROUP BY a.account_id) g
    JOIN customer_link l ON l.source = 'web' AND l.record_key = g.k GROUP BY l.customer_id;

INSERT INTO segment_member SELECT 'High value', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Lifetime spend' AND customer_id = p.customer_id), 0) > 3000;
INSERT INTO segment_member SELECT 'Lapsed', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Lifetime spend' AND customer_id = p.customer_id), 0) > 0
    AND COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Orders last 90 days' AND customer_id = p.customer_id), 0) = 0;
INSERT INTO segment_member SELECT 'New this month', customer_id FROM customer p WHERE signupDate >= date('now', '-30 days');
INSERT INTO segment_member SELECT 'Berlin', customer_id FROM customer p WHERE city = 'Berlin';
INSERT INTO segment_member SELECT 'Berlin or Hamburg', customer_id FROM customer p WHERE city = 'Berlin' OR city = 'Hamburg';
INSERT INTO segment_member SELECT 'No email', customer_id FROM customer p WHERE email IS NULL OR email = '';
INSERT INTO segment_member SELECT 'Gmail', customer_id FROM customer p WHERE instr(lower(email), 'gmail') > 0;
INSERT INTO segment_member SELECT 'Name starts with A', customer_id FROM customer p WHERE substr(lower(name), 1, 1) = 'a';
INSERT INTO segment_member SELECT 'Frequent', customer_id FROM customer p WHERE
    COALESCE((SELECT value FROM customer_measure_value WHERE measure = 'Orders last 90 days' AND customer_id = p.customer_id), 0) >= 3;
INSERT INTO segment_member SELECT 'High value in Berlin', customer_id FROM customer p WHERE
    customer_id IN (SELECT customer_id FROM segment_member WHERE segment = 'High value') AND city = 'Berlin';
COMMIT;
SELECT 'profiles', count(*) FROM customer;
SELECT * FROM measure_value;
SELECT segment, count(*) FROM segment_member GROUP BY segment ORDER BY segment;
