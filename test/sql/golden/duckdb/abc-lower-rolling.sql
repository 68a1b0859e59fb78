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
  SELECT CAST(CAST(e.d - INTERVAL 12 MONTH AS DATE) + INTERVAL 1 DAY AS DATE) AS first_day, e.d AS last_day, e.d AS ref_day FROM tw_end e
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
    UNION ALL SELECT 'CG-12520' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 0 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'CG-12520' NOT IN (SELECT cust FROM tw_measured)
    UNION ALL SELECT 'AA-10315' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 1 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'AA-10315' NOT IN (SELECT cust FROM tw_measured)
    UNION ALL SELECT 'ZZ O''Brien \'' "x" -- ; DROP TABLE sales; `' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 2 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'ZZ O''Brien \'' "x" -- ; DROP TABLE sales; `' NOT IN (SELECT cust FROM tw_measured)
    UNION ALL SELECT 'SC-20095' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 3 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'SC-20095' NOT IN (SELECT cust FROM tw_measured)
),
tw_t1_flagged AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.sales END AS tw_t1_v, CASE WHEN (c.in_window = 1) AND CASE WHEN c.in_window = 1 THEN c.sales END > 0 THEN 1 ELSE 0 END AS tw_t1_ranked FROM tw_customers c
),
tw_t1_running AS (
  SELECT c.*,
      SUM(c.tw_t1_v) OVER (PARTITION BY c.tw_t1_ranked ORDER BY c.tw_t1_v DESC, c.cust ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tw_t1_running,
      SUM(c.tw_t1_v) OVER (PARTITION BY c.tw_t1_ranked) AS tw_t1_total,
      CASE WHEN LAG(c.tw_t1_v) OVER (PARTITION BY c.tw_t1_ranked ORDER BY c.tw_t1_v DESC, c.cust) - c.tw_t1_v <= 1e-10 * LAG(c.tw_t1_v) OVER (PARTITION BY c.tw_t1_ranked ORDER BY c.tw_t1_v DESC, c.cust) THEN 0 ELSE 1 END AS tw_t1_starts
    FROM tw_t1_flagged c
),
tw_t1_grouped AS (
  SELECT c.*,
      SUM(c.tw_t1_starts) OVER (PARTITION BY c.tw_t1_ranked ORDER BY c.tw_t1_v DESC, c.cust ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tw_t1_grp,
      COALESCE(LAG(c.tw_t1_running) OVER (PARTITION BY c.tw_t1_ranked ORDER BY c.tw_t1_v DESC, c.cust), 0) AS tw_t1_ahead
    FROM tw_t1_running c
),
tw_t1_shares AS (
  SELECT c.*,
      MIN(c.tw_t1_ahead) OVER (PARTITION BY c.tw_t1_ranked, c.tw_t1_grp) / c.tw_t1_total AS tw_t1_before,
      MAX(c.tw_t1_running) OVER (PARTITION BY c.tw_t1_ranked, c.tw_t1_grp) / c.tw_t1_total AS tw_t1_after,
      COUNT(*) OVER (PARTITION BY c.tw_t1_ranked, c.tw_t1_grp) AS tw_t1_members
    FROM tw_t1_grouped c
),
tw_t1 AS (
  SELECT c.*, CASE
        WHEN c.in_window = 0 THEN 'Dormant'
        WHEN NOT (c.in_window = 1) THEN 'Dormant'
        WHEN c.tw_t1_ranked = 0 THEN 'C'
        WHEN 0.7 >= c.tw_t1_after - 1e-9 THEN 'A'
        WHEN 0.9 >= c.tw_t1_after - 1e-9 THEN 'B'
        WHEN 1 >= c.tw_t1_after - 1e-9 THEN 'C'
        ELSE 'C'
      END AS tw_t1_auto, o.seg AS tw_t1_manual FROM tw_t1_shares c LEFT JOIN (VALUES ('CG-12520', 'VIP O''Brien \'' "x" -- ; DROP TABLE sales; `'), ('ZZ O''Brien \'' "x" -- ; DROP TABLE sales; `', 'A'), ('SC-20095', 'C')) AS o(cust, seg) ON o.cust = c.cust
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  COALESCE(c.tw_t1_manual, c.tw_t1_auto) AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; `",
  c.tw_t1_auto AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; ` (auto)",
  COALESCE(c.tw_t1_manual, '') AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; ` (manual)",
  CASE WHEN c.tw_t1_manual IS NOT NULL AND c.tw_t1_manual <> c.tw_t1_auto THEN 'manual ≠ auto' ELSE '' END AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; ` (flag)",
  CASE WHEN c.tw_t1_ranked = 1 THEN (c.tw_t1_after - c.tw_t1_before) / c.tw_t1_members END AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; ` (share)",
  CASE WHEN c.tw_t1_ranked = 1 THEN c.tw_t1_after END AS "ABC O'Brien \' ""x"" -- ; DROP TABLE sales; ` (cumulative share)"
FROM tw_t1 c
ORDER BY c.extra_order, c.first_line, c.cust
