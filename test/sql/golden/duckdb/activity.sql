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
                  　﻿'), '') NOT IN ('South') THEN 1 ELSE 0 END AS kept,
    CASE WHEN COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') <> '' AND "Sales" IS NOT NULL AND "Profit" IS NOT NULL AND "Quantity" IS NOT NULL AND "Order Date" IS NOT NULL THEN 1 ELSE 0 END AS readable
  FROM "sales"
),
tw_end AS (
  SELECT MAX(d) AS d FROM tw_source WHERE cust <> '' AND d IS NOT NULL AND (kept = 0 OR readable = 1)
),
tw_window AS (
  SELECT DATE '2017-01-01' AS first_day, DATE '2017-12-31' AS last_day, DATE '2017-12-31' AS ref_day FROM tw_end e
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
tw_t1_lines AS (
  SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      CAST(0 AS DOUBLE) AS rule_points,
      0 AS taken
    FROM tw_kept k WHERE k.in_window = 1
),
tw_t1_orders AS (
  SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM tw_t1_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord
),
tw_t1_points AS (
  SELECT cust, (FLOOR((SUM(pts)) * 1e9 + 0.5) / 1e9) AS earned, (FLOOR((SUM(spent)) * 1e9 + 0.5) / 1e9) AS spent
    FROM (SELECT cust, rule_points AS pts, spent FROM tw_t1_lines
      UNION ALL SELECT o.cust, (SIGN((FLOOR((o.s * 1) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((o.s * 1) * 1e9 + 0.5) / 1e9)) + 0.5)) AS pts, 0 AS spent FROM tw_t1_orders o) x GROUP BY cust
),
tw_t1_measured AS (
  SELECT c.*, COALESCE(pt.earned, 0) AS tw_t1_earned, COALESCE(pt.spent, 0) AS tw_t1_spent
    FROM tw_customers c LEFT JOIN tw_t1_points pt ON pt.cust = c.cust
),
tw_t1 AS (
  SELECT c.*, CASE WHEN c.tw_t1_earned >= (-1e-9) THEN 0 ELSE -1 END AS tw_t1_level, (FLOOR((c.tw_t1_earned - c.tw_t1_spent) * 1e9 + 0.5) / 1e9) AS tw_t1_balance FROM tw_t1_measured c
),
tw_t2_lp_lines AS (
  SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      CAST(0 AS DOUBLE) AS rule_points,
      0 AS taken
    FROM tw_kept k WHERE k.in_window = 1
),
tw_t2_lp_orders AS (
  SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM tw_t2_lp_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord
),
tw_t2_lp_points AS (
  SELECT cust, (FLOOR((SUM(pts)) * 1e9 + 0.5) / 1e9) AS earned, (FLOOR((SUM(spent)) * 1e9 + 0.5) / 1e9) AS spent
    FROM (SELECT cust, rule_points AS pts, spent FROM tw_t2_lp_lines
      UNION ALL SELECT o.cust, (SIGN((FLOOR((o.s * 1) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((o.s * 1) * 1e9 + 0.5) / 1e9)) + 0.5)) AS pts, 0 AS spent FROM tw_t2_lp_orders o) x GROUP BY cust
),
tw_t2_buys AS (
  SELECT k.cust, DATE_DIFF('day', k.d, w.ref_day) AS days
    FROM tw_kept k CROSS JOIN tw_window w WHERE k.readable = 1 AND k.amount > 0 AND k.d <= w.ref_day
),
tw_t2_bought AS (
  SELECT DISTINCT b.cust, CAST(FLOOR(CAST(b.days AS DOUBLE) / 30) AS BIGINT) AS j
    FROM tw_t2_buys b WHERE b.days < 720
),
tw_t2_stats AS (
  SELECT b.cust, MIN(b.days) AS last_days, MAX(s.weight) AS weight
    FROM tw_t2_buys b LEFT JOIN (SELECT cust, SUM(POWER(0.8, j)) AS weight FROM tw_t2_bought GROUP BY cust) s ON s.cust = b.cust
    GROUP BY b.cust
),
tw_t2_measured AS (
  SELECT c.*, CASE WHEN w.ref_day IS NOT NULL THEN 0.5 * POWER(0.8, 24) + 0.19999999999999996 * COALESCE(s.weight, 0) END AS tw_t2_som, s.last_days AS tw_t2_last_days, COALESCE(pt.earned, 0) AS tw_t2_points
    FROM tw_t1 c CROSS JOIN tw_window w LEFT JOIN tw_t2_stats s ON s.cust = c.cust LEFT JOIN tw_t2_lp_points pt ON pt.cust = c.cust
),
tw_t2 AS (
  SELECT c.*, CASE WHEN (c.tw_t2_som >= 0.29999999899999996) AND ((c.tw_t2_points >= 1999.999998) OR (c.tw_t2_last_days <= 20.00000002) OR (c.orders > 4.000000004)) THEN 'Engaged O''Brien \'' "x" -- ; DROP TABLE sales; `' ELSE '' END AS tw_t2_segment FROM tw_t2_measured c
),
tw_t3_buys AS (
  SELECT k.cust, DATE_DIFF('day', k.d, w.ref_day) AS days
    FROM tw_kept k CROSS JOIN tw_window w WHERE k.readable = 1 AND k.amount > 0 AND k.d <= w.ref_day
),
tw_t3_bought AS (
  SELECT DISTINCT b.cust, CAST(FLOOR(CAST(b.days AS DOUBLE) / 90) AS BIGINT) AS j
    FROM tw_t3_buys b WHERE b.days < 720
),
tw_t3_stats AS (
  SELECT b.cust, MIN(b.days) AS last_days, MAX(s.weight) AS weight
    FROM tw_t3_buys b LEFT JOIN (SELECT cust, SUM(POWER(0.5, j)) AS weight FROM tw_t3_bought GROUP BY cust) s ON s.cust = b.cust
    GROUP BY b.cust
),
tw_t3_measured AS (
  SELECT c.*, CASE WHEN w.ref_day IS NOT NULL THEN 1 * POWER(0.5, 8) + 0.5 * COALESCE(s.weight, 0) END AS tw_t3_som, s.last_days AS tw_t3_last_days
    FROM tw_t2 c CROSS JOIN tw_window w LEFT JOIN tw_t3_stats s ON s.cust = c.cust
),
tw_t3 AS (
  SELECT c.*, CASE WHEN (c.tw_t3_last_days IS NULL OR c.tw_t3_last_days >= 119.99999988) AND ((c.profit < (-1e-9)) OR (ABS(c.sales - 0) > 1e-9)) THEN 'Lapsed' ELSE '' END AS tw_t3_segment FROM tw_t3_measured c
),
tw_t4_buys AS (
  SELECT k.cust, DATE_DIFF('day', k.d, w.ref_day) AS days
    FROM tw_kept k CROSS JOIN tw_window w WHERE k.readable = 1 AND k.amount > 0 AND k.d <= w.ref_day
),
tw_t4_bought AS (
  SELECT DISTINCT b.cust, CAST(FLOOR(CAST(b.days AS DOUBLE) / 30) AS BIGINT) AS j
    FROM tw_t4_buys b WHERE b.days < 90
),
tw_t4_stats AS (
  SELECT b.cust, MIN(b.days) AS last_days, MAX(s.weight) AS weight
    FROM tw_t4_buys b LEFT JOIN (SELECT cust, SUM(POWER(0, j)) AS weight FROM tw_t4_bought GROUP BY cust) s ON s.cust = b.cust
    GROUP BY b.cust
),
tw_t4_measured AS (
  SELECT c.*, CASE WHEN w.ref_day IS NOT NULL THEN 0.5 * POWER(0, 3) + 1 * COALESCE(s.weight, 0) END AS tw_t4_som, s.last_days AS tw_t4_last_days
    FROM tw_t3 c CROSS JOIN tw_window w LEFT JOIN tw_t4_stats s ON s.cust = c.cust
),
tw_t4 AS (
  SELECT c.*, CASE WHEN 1 = 1 THEN 'All' ELSE '' END AS tw_t4_segment FROM tw_t4_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  CASE c.tw_t1_level WHEN -1 THEN '' WHEN 0 THEN 'In' END AS "Points",
  c.tw_t1_earned AS "Points (earned)",
  c.tw_t1_spent AS "Points (spent)",
  c.tw_t1_balance AS "Points (balance)",
  CASE c.tw_t1_level WHEN -1 THEN 'In' WHEN 0 THEN '' END AS "Points (next level)",
  CASE c.tw_t1_level WHEN -1 THEN (FLOOR((GREATEST(0, 0 - c.tw_t1_earned)) * 1e9 + 0.5) / 1e9) END AS "Points (points missing)",
  c.tw_t2_segment AS "Engaged",
  c.tw_t2_som AS "Engaged (state of mind)",
  c.tw_t2_last_days AS "Engaged (days since last purchase)",
  c.tw_t2_segment AS "Engaged (categories)",
  c.tw_t3_segment AS "Lapsed",
  c.tw_t3_som AS "Lapsed (state of mind)",
  c.tw_t3_last_days AS "Lapsed (days since last purchase)",
  c.tw_t3_segment AS "Lapsed (categories)",
  c.tw_t4_segment AS "Everyone",
  c.tw_t4_som AS "Everyone (state of mind)",
  c.tw_t4_last_days AS "Everyone (days since last purchase)",
  c.tw_t4_segment AS "Everyone (categories)"
FROM tw_t4 c
ORDER BY c.extra_order, c.first_line, c.cust
