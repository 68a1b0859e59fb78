WITH
tw_source AS (
  SELECT
    COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') AS cust,
    COALESCE(TRIM(CAST("Customer Name" AS VARCHAR), '	
                  　﻿'), '') AS cname,
    CAST("Order Date" AS DATE) AS d,
    CAST("Sales" AS DOUBLE) AS amount,
    CAST("Profit" AS DOUBLE) AS profit,
    CAST("Quantity" AS DOUBLE) AS qty,
    CAST(NULL AS DOUBLE) AS spent,
    COALESCE(TRIM(CAST("Order ID" AS VARCHAR), '	
                  　﻿'), '') AS ord,
    COALESCE(TRIM(CAST("Product ID" AS VARCHAR), '	
                  　﻿'), '') AS product,
    COALESCE(TRIM(CAST("Category" AS VARCHAR), '	
                  　﻿'), '') AS category,
    "Row ID" AS seq,
    CASE WHEN 1 = 1 THEN 1 ELSE 0 END AS kept,
    CASE WHEN COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') <> '' AND "Sales" IS NOT NULL AND "Profit" IS NOT NULL AND "Quantity" IS NOT NULL AND "Order Date" IS NOT NULL THEN 1 ELSE 0 END AS readable
  FROM "sales"
),
tw_end AS (
  SELECT MAX(d) AS d FROM tw_source WHERE cust <> '' AND d IS NOT NULL AND (kept = 0 OR readable = 1)
),
tw_window AS (
  SELECT CAST(CAST(e.d - INTERVAL 6 MONTH AS DATE) + INTERVAL 1 DAY AS DATE) AS first_day, e.d AS last_day, e.d AS ref_day FROM tw_end e
),
tw_kept AS (
  SELECT s.*,
      CASE WHEN s.readable = 1 AND s.d >= w.first_day AND s.d <= w.last_day THEN 1 ELSE 0 END AS in_window
    FROM tw_source s CROSS JOIN tw_window w WHERE s.kept = 1 AND s.cust <> ''
),
tw_measured AS (
  SELECT cust,
      MIN(seq) AS first_line,
      ARG_MAX(cname, seq) FILTER (WHERE readable = 1 AND cname <> '') AS cname,
      SUM(CASE WHEN in_window = 1 THEN amount ELSE 0 END) AS sales,
      SUM(CASE WHEN in_window = 1 THEN profit ELSE 0 END) AS profit,
      SUM(CASE WHEN in_window = 1 THEN qty ELSE 0 END) AS qty,
      MAX(in_window) AS in_window,
      MAX(CASE WHEN in_window = 1 AND amount > 0 THEN d END) AS last_buy,
      COUNT(DISTINCT CASE WHEN in_window = 1 THEN ord END) AS orders
    FROM tw_kept GROUP BY cust HAVING MAX(readable) = 1
),
tw_customers AS (
  SELECT cust, COALESCE(cname, '') AS cname, first_line, -1 AS extra_order, sales, profit, qty, in_window, last_buy, orders FROM tw_measured
),
tw_t1_span AS (
  SELECT CAST(FLOOR(CAST(DATE_DIFF('day', DATE '1970-01-01', f) + 3 AS DOUBLE) / 7) AS BIGINT) AS base, CAST(FLOOR(CAST(DATE_DIFF('day', DATE '1970-01-01', l) + 3 AS DOUBLE) / 7) AS BIGINT) - CAST(FLOOR(CAST(DATE_DIFF('day', DATE '1970-01-01', f) + 3 AS DOUBLE) / 7) AS BIGINT) + 1 AS n
    FROM (SELECT COALESCE(w.first_day, x.f) AS f, COALESCE(w.last_day, x.l) AS l
      FROM tw_window w CROSS JOIN (SELECT MIN(d) AS f, MAX(d) AS l FROM tw_kept WHERE readable = 1) x) s
),
tw_t1_periods AS (
  SELECT k.cust, CAST(FLOOR(CAST(DATE_DIFF('day', DATE '1970-01-01', k.d) + 3 AS DOUBLE) / 7) AS BIGINT) AS period, SUM(k.amount) AS t
    FROM tw_kept k WHERE k.in_window = 1 GROUP BY k.cust, CAST(FLOOR(CAST(DATE_DIFF('day', DATE '1970-01-01', k.d) + 3 AS DOUBLE) / 7) AS BIGINT)
),
tw_t1_means AS (
  SELECT q.cust, q.t, SUM(q.t) OVER (PARTITION BY q.cust) / s.n AS mean, s.n FROM tw_t1_periods q CROSS JOIN tw_t1_span s
),
tw_t1_stats AS (
  SELECT cust, MAX(mean) AS mean, MAX(n) AS n, COUNT(*) AS present,
      SUM(CASE WHEN (t * 1e9 >= 0.5 OR t * 1e9 < -0.5) THEN 1 ELSE 0 END) AS with_sales,
      SUM((t - mean) * (t - mean)) AS squares
    FROM tw_t1_means GROUP BY cust
),
tw_t1_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 AND s.mean * 1e9 >= 0.5 THEN SQRT((s.squares + (s.n - s.present) * s.mean * s.mean) / s.n) / s.mean END AS tw_t1_cv, COALESCE(s.with_sales, 0) AS tw_t1_with
    FROM tw_customers c LEFT JOIN tw_t1_stats s ON s.cust = c.cust
),
tw_t1 AS (
  SELECT c.*,
      CASE WHEN c.tw_t1_cv IS NULL OR c.tw_t1_with < 2 THEN 'Unclassified'
        
        WHEN c.tw_t1_cv <= 3.000000001 THEN 'X'
        WHEN c.tw_t1_cv <= 5.000000001 THEN 'Y'
        ELSE 'Z'
      END AS tw_t1_segment
    FROM tw_t1_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  c.tw_t1_segment AS "Weekly XYZ",
  c.tw_t1_cv AS "Weekly XYZ (cv)",
  c.tw_t1_with AS "Weekly XYZ (periods with sales)"
FROM tw_t1 c
ORDER BY c.extra_order, c.first_line, c.cust
