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
  SELECT CAST(NULL AS DATE) AS first_day, CAST(NULL AS DATE) AS last_day, e.d AS ref_day FROM tw_end e
),
tw_kept AS (
  SELECT s.*,
      s.readable AS in_window
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
        WHEN c.in_window = 0 THEN 'C'
        WHEN NOT (c.in_window = 1) THEN ''
        WHEN c.tw_t1_ranked = 0 THEN 'C'
        WHEN 0.8 - c.tw_t1_before > 1e-9 THEN 'A'
        WHEN 0.95 - c.tw_t1_before > 1e-9 THEN 'B'
        WHEN 1 - c.tw_t1_before > 1e-9 THEN 'C'
        ELSE 'C'
      END AS tw_t1_auto, CAST(NULL AS VARCHAR) AS tw_t1_manual FROM tw_t1_shares c
),
tw_t2_span AS (
  SELECT (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 4 + CAST(EXTRACT(QUARTER FROM f) AS BIGINT) - 1) AS base, (CAST(EXTRACT(YEAR FROM l) AS BIGINT) * 4 + CAST(EXTRACT(QUARTER FROM l) AS BIGINT) - 1) - (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 4 + CAST(EXTRACT(QUARTER FROM f) AS BIGINT) - 1) + 1 AS n
    FROM (SELECT COALESCE(w.first_day, x.f) AS f, COALESCE(w.last_day, x.l) AS l
      FROM tw_window w CROSS JOIN (SELECT MIN(d) AS f, MAX(d) AS l FROM tw_kept WHERE readable = 1) x) s
),
tw_t2_periods AS (
  SELECT k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 4 + CAST(EXTRACT(QUARTER FROM k.d) AS BIGINT) - 1) AS period, SUM(k.amount) AS t
    FROM tw_kept k WHERE k.in_window = 1 GROUP BY k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 4 + CAST(EXTRACT(QUARTER FROM k.d) AS BIGINT) - 1)
),
tw_t2_means AS (
  SELECT q.cust, q.t, SUM(q.t) OVER (PARTITION BY q.cust) / s.n AS mean, s.n FROM tw_t2_periods q CROSS JOIN tw_t2_span s
),
tw_t2_stats AS (
  SELECT cust, MAX(mean) AS mean, MAX(n) AS n, COUNT(*) AS present,
      SUM(CASE WHEN (t * 1e9 >= 0.5 OR t * 1e9 < -0.5) THEN 1 ELSE 0 END) AS with_sales,
      SUM((t - mean) * (t - mean)) AS squares
    FROM tw_t2_means GROUP BY cust
),
tw_t2_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 AND s.mean * 1e9 >= 0.5 THEN SQRT((s.squares + (s.n - s.present) * s.mean * s.mean) / s.n) / s.mean END AS tw_t2_cv, COALESCE(s.with_sales, 0) AS tw_t2_with
    FROM tw_t1 c LEFT JOIN tw_t2_stats s ON s.cust = c.cust
),
tw_t2 AS (
  SELECT c.*,
      CASE WHEN c.tw_t2_cv IS NULL OR c.tw_t2_with < 3 THEN 'Unclassified'
        
        WHEN c.tw_t2_cv <= 1.000000001 THEN 'X'
        WHEN c.tw_t2_cv <= 1.6000000010000002 THEN 'Y'
        ELSE 'Z'
      END AS tw_t2_segment
    FROM tw_t2_measured c
),
tw_t3_span AS (
  SELECT (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM f) AS BIGINT) - 1) AS base, (CAST(EXTRACT(YEAR FROM l) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM l) AS BIGINT) - 1) - (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM f) AS BIGINT) - 1) + 1 AS n
    FROM (SELECT COALESCE(w.first_day, x.f) AS f, COALESCE(w.last_day, x.l) AS l
      FROM tw_window w CROSS JOIN (SELECT MIN(d) AS f, MAX(d) AS l FROM tw_kept WHERE readable = 1) x) s
),
tw_t3_periods AS (
  SELECT k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM k.d) AS BIGINT) - 1) AS period, SUM(k.qty) AS t
    FROM tw_kept k WHERE k.in_window = 1 GROUP BY k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM k.d) AS BIGINT) - 1)
),
tw_t3_means AS (
  SELECT q.cust, q.t, SUM(q.t) OVER (PARTITION BY q.cust) / s.n AS mean, s.n FROM tw_t3_periods q CROSS JOIN tw_t3_span s
),
tw_t3_stats AS (
  SELECT cust, MAX(mean) AS mean, MAX(n) AS n, COUNT(*) AS present,
      SUM(CASE WHEN (t * 1e9 >= 0.5 OR t * 1e9 < -0.5) THEN 1 ELSE 0 END) AS with_sales,
      SUM((t - mean) * (t - mean)) AS squares
    FROM tw_t3_means GROUP BY cust
),
tw_t3_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 AND s.mean * 1e9 >= 0.5 THEN SQRT((s.squares + (s.n - s.present) * s.mean * s.mean) / s.n) / s.mean END AS tw_t3_cv, COALESCE(s.with_sales, 0) AS tw_t3_with
    FROM tw_t2 c LEFT JOIN tw_t3_stats s ON s.cust = c.cust
),
tw_t3 AS (
  SELECT c.*,
      CASE WHEN c.tw_t3_cv IS NULL OR c.tw_t3_with < 2 THEN 'Too few O''Brien \'' "x" -- ; DROP TABLE sales; `'
        
        WHEN c.tw_t3_cv <= 1.500000001 THEN 'Steady'
        ELSE 'Erratic'
      END AS tw_t3_segment
    FROM tw_t3_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  COALESCE(c.tw_t1_manual, c.tw_t1_auto) AS "Sales ABC",
  c.tw_t1_auto AS "Sales ABC (auto)",
  COALESCE(c.tw_t1_manual, '') AS "Sales ABC (manual)",
  CASE WHEN c.tw_t1_manual IS NOT NULL AND c.tw_t1_manual <> c.tw_t1_auto THEN 'manual ≠ auto' ELSE '' END AS "Sales ABC (flag)",
  CASE WHEN c.tw_t1_ranked = 1 THEN (c.tw_t1_after - c.tw_t1_before) / c.tw_t1_members END AS "Sales ABC (share)",
  CASE WHEN c.tw_t1_ranked = 1 THEN c.tw_t1_after END AS "Sales ABC (cumulative share)",
  c.tw_t2_segment AS "XYZ",
  c.tw_t2_cv AS "XYZ (cv)",
  c.tw_t2_with AS "XYZ (periods with sales)",
  CASE WHEN COALESCE(c.tw_t1_manual, c.tw_t1_auto) <> '' AND c.tw_t2_segment <> 'Unclassified' THEN CONCAT(COALESCE(c.tw_t1_manual, c.tw_t1_auto), c.tw_t2_segment) ELSE '' END AS "XYZ (ABC-XYZ)",
  c.tw_t3_segment AS "Units XYZ",
  CASE WHEN c.in_window = 1 THEN c.qty END AS "Units XYZ (quantity)",
  c.tw_t3_cv AS "Units XYZ (cv)",
  c.tw_t3_with AS "Units XYZ (periods with sales)"
FROM tw_t3 c
ORDER BY c.extra_order, c.first_line, c.cust
