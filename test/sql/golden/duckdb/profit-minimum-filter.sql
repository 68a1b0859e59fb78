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
    CASE WHEN COALESCE(TRIM(CAST("Region" AS VARCHAR), '	
                  　﻿'), '') NOT IN ('Central', 'O''Brien \'' "x" -- ; DROP TABLE sales; `') THEN 1 ELSE 0 END AS kept,
    CASE WHEN COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') <> '' AND "Sales" IS NOT NULL AND "Profit" IS NOT NULL AND "Quantity" IS NOT NULL AND "Order Date" IS NOT NULL THEN 1 ELSE 0 END AS readable
  FROM "sales"
),
tw_end AS (
  SELECT MAX(d) AS d FROM tw_source WHERE cust <> '' AND d IS NOT NULL AND (kept = 0 OR readable = 1)
),
tw_window AS (
  SELECT CAST(CAST(e.d - INTERVAL 24 MONTH AS DATE) + INTERVAL 1 DAY AS DATE) AS first_day, e.d AS last_day, e.d AS ref_day FROM tw_end e
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
tw_t1_flagged AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.profit END AS tw_t1_v, CASE WHEN (c.in_window = 1 AND c.sales >= 500) AND CASE WHEN c.in_window = 1 THEN c.profit END > 0 THEN 1 ELSE 0 END AS tw_t1_ranked FROM tw_customers c
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
        WHEN c.in_window = 0 THEN 'Below'
        WHEN NOT (c.in_window = 1 AND c.sales >= 500) THEN 'Below'
        WHEN c.tw_t1_ranked = 0 THEN 'C'
        WHEN 0.5 - c.tw_t1_before > 1e-9 THEN 'A'
        WHEN 0.8 - c.tw_t1_before > 1e-9 THEN 'B'
        WHEN 1 - c.tw_t1_before > 1e-9 THEN 'C'
        ELSE 'C'
      END AS tw_t1_auto, CAST(NULL AS VARCHAR) AS tw_t1_manual FROM tw_t1_shares c
),
tw_t2_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.sales END AS tw_t2_v, CASE WHEN (c.in_window = 1 AND c.sales >= 100) THEN 1 ELSE 0 END AS tw_t2_eligible FROM tw_t1 c
),
tw_t2 AS (
  SELECT c.*,
      CASE WHEN c.tw_t2_eligible = 0 OR c.tw_t2_v IS NULL THEN ''
        WHEN c.tw_t2_v >= 4999.999995 THEN 'Large'
        WHEN c.tw_t2_v >= 999.999999 THEN 'Medium'
        WHEN 1 = 1 THEN 'Small'
        ELSE ''
      END AS tw_t2_segment
    FROM tw_t2_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  COALESCE(c.tw_t1_manual, c.tw_t1_auto) AS "Profit ABC",
  c.tw_t1_auto AS "Profit ABC (auto)",
  COALESCE(c.tw_t1_manual, '') AS "Profit ABC (manual)",
  CASE WHEN c.tw_t1_manual IS NOT NULL AND c.tw_t1_manual <> c.tw_t1_auto THEN 'manual ≠ auto' ELSE '' END AS "Profit ABC (flag)",
  CASE WHEN c.tw_t1_ranked = 1 THEN (c.tw_t1_after - c.tw_t1_before) / c.tw_t1_members END AS "Profit ABC (share)",
  CASE WHEN c.tw_t1_ranked = 1 THEN c.tw_t1_after END AS "Profit ABC (cumulative share)",
  c.tw_t2_segment AS "Sales band"
FROM tw_t2 c
ORDER BY c.extra_order, c.first_line, c.cust
