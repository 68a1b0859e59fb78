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
    COALESCE(TRIM(CAST("Category" AS VARCHAR), '	
                  　﻿'), '') AS tw_x1,
    COALESCE(TRIM(CAST("Sub-Category" AS VARCHAR), '	
                  　﻿'), '') AS tw_x2,
    COALESCE(TRIM(CAST("Product ID" AS VARCHAR), '	
                  　﻿'), '') AS tw_x3,
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
),
tw_t1_lines AS (
  SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      CASE WHEN k.tw_x1 IN ('Technology') THEN (SIGN((FLOOR((k.amount * 0.25) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((k.amount * 0.25) * 1e9 + 0.5) / 1e9)) + 0.5)) ELSE 0 END + CASE WHEN k.tw_x2 IN ('Paper', 'Binders', 'O''Brien \'' "x" -- ; DROP TABLE sales; `') AND NOT (k.tw_x1 IN ('Technology')) THEN (SIGN((FLOOR((COALESCE(k.qty, 0) * 2) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((COALESCE(k.qty, 0) * 2) * 1e9 + 0.5) / 1e9)) + 0.5)) ELSE 0 END AS rule_points,
      CASE WHEN k.tw_x1 IN ('Technology') THEN 1 ELSE 0 END AS taken
    FROM tw_kept k WHERE k.in_window = 1
),
tw_t1_orders AS (
  SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM tw_t1_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord
),
tw_t1_points AS (
  SELECT cust, (FLOOR((SUM(pts)) * 1e9 + 0.5) / 1e9) AS earned, (FLOOR((SUM(spent)) * 1e9 + 0.5) / 1e9) AS spent
    FROM (SELECT cust, rule_points AS pts, spent FROM tw_t1_lines
      UNION ALL SELECT o.cust, (SIGN((FLOOR((o.s * 0.1) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((o.s * 0.1) * 1e9 + 0.5) / 1e9)) + 0.5)) + SIGN((FLOOR((o.s) * 1e9 + 0.5) / 1e9)) * 5 AS pts, 0 AS spent FROM tw_t1_orders o) x GROUP BY cust
),
tw_t1_measured AS (
  SELECT c.*, COALESCE(pt.earned, 0) AS tw_t1_earned, COALESCE(pt.spent, 0) AS tw_t1_spent
    FROM tw_customers c LEFT JOIN tw_t1_points pt ON pt.cust = c.cust
),
tw_t1 AS (
  SELECT c.*, CASE WHEN c.tw_t1_earned >= 999.999999999 THEN 2 WHEN c.tw_t1_earned >= 199.999999999 THEN 1 WHEN c.tw_t1_earned >= (-1e-9) THEN 0 ELSE -1 END AS tw_t1_level, (FLOOR((c.tw_t1_earned - c.tw_t1_spent) * 1e9 + 0.5) / 1e9) AS tw_t1_balance FROM tw_t1_measured c
),
tw_t2_lines AS (
  SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      CASE WHEN k.tw_x3 IN ('OFF-PA-10001970', 'TEC-AC-10003832') THEN (FLOOR(((SIGN((FLOOR(((COALESCE(k.qty, 0) * 7.25) / 0.5) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR(((COALESCE(k.qty, 0) * 7.25) / 0.5) * 1e9 + 0.5) / 1e9)) + 0.5)) * 0.5) * 1e9 + 0.5) / 1e9) ELSE 0 END AS rule_points,
      0 AS taken
    FROM tw_kept k WHERE k.in_window = 1
),
tw_t2_orders AS (
  SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM tw_t2_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord
),
tw_t2_points AS (
  SELECT cust, (FLOOR((SUM(pts)) * 1e9 + 0.5) / 1e9) AS earned, (FLOOR((SUM(spent)) * 1e9 + 0.5) / 1e9) AS spent
    FROM (SELECT cust, rule_points AS pts, spent FROM tw_t2_lines
      UNION ALL SELECT o.cust, (FLOOR(((SIGN((FLOOR(((o.s * 0.013) / 0.5) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR(((o.s * 0.013) / 0.5) * 1e9 + 0.5) / 1e9)) + 0.5)) * 0.5) * 1e9 + 0.5) / 1e9) + (FLOOR(((SIGN((FLOOR(((o.u * 0.3) / 0.5) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR(((o.u * 0.3) / 0.5) * 1e9 + 0.5) / 1e9)) + 0.5)) * 0.5) * 1e9 + 0.5) / 1e9) AS pts, 0 AS spent FROM tw_t2_orders o) x GROUP BY cust
),
tw_t2_measured AS (
  SELECT c.*, COALESCE(pt.earned, 0) AS tw_t2_earned, COALESCE(pt.spent, 0) AS tw_t2_spent
    FROM tw_t1 c LEFT JOIN tw_t2_points pt ON pt.cust = c.cust
),
tw_t2 AS (
  SELECT c.*, CASE WHEN c.tw_t2_earned >= 50.499999999 THEN 1 WHEN c.tw_t2_earned >= 9.999999999 THEN 0 ELSE -1 END AS tw_t2_level, (FLOOR((c.tw_t2_earned - c.tw_t2_spent) * 1e9 + 0.5) / 1e9) AS tw_t2_balance FROM tw_t2_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  CASE c.tw_t1_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END AS "Club",
  c.tw_t1_earned AS "Club (earned)",
  c.tw_t1_spent AS "Club (spent)",
  c.tw_t1_balance AS "Club (balance)",
  CASE c.tw_t1_level WHEN -1 THEN 'Member' WHEN 0 THEN 'Silver' WHEN 1 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' WHEN 2 THEN '' END AS "Club (next level)",
  CASE c.tw_t1_level WHEN -1 THEN (FLOOR((GREATEST(0, 0 - c.tw_t1_earned)) * 1e9 + 0.5) / 1e9) WHEN 0 THEN (FLOOR((GREATEST(0, 200 - c.tw_t1_earned)) * 1e9 + 0.5) / 1e9) WHEN 1 THEN (FLOOR((GREATEST(0, 1000 - c.tw_t1_earned)) * 1e9 + 0.5) / 1e9) END AS "Club (points missing)",
  SUBSTR(CONCAT(CASE WHEN c.tw_t1_balance >= (-1e-9) AND c.tw_t1_balance >= 99.999999999 THEN CONCAT('; Voucher x', CAST(CAST(FLOOR((FLOOR((c.tw_t1_balance / 100) * 1e9 + 0.5) / 1e9)) AS BIGINT) AS VARCHAR)) ELSE '' END, CASE WHEN c.tw_t1_balance >= 499.999999999 AND c.tw_t1_balance >= 249.999999999 THEN CONCAT('; Gift O''Brien \'' "x" -- ; DROP TABLE sales; ` x', CAST(CAST(FLOOR((FLOOR((c.tw_t1_balance / 250) * 1e9 + 0.5) / 1e9)) AS BIGINT) AS VARCHAR)) ELSE '' END), 3) AS "Club (available rewards)",
  CASE c.tw_t1_level WHEN 1 THEN 0.05 WHEN 2 THEN 0.125 END AS "Club (discount)",
  CASE c.tw_t2_level WHEN -1 THEN '' WHEN 0 THEN 'Bronze' WHEN 1 THEN 'Silver' END AS "Halves",
  c.tw_t2_earned AS "Halves (earned)",
  c.tw_t2_spent AS "Halves (spent)",
  c.tw_t2_balance AS "Halves (balance)",
  CASE c.tw_t2_level WHEN -1 THEN 'Bronze' WHEN 0 THEN 'Silver' WHEN 1 THEN '' END AS "Halves (next level)",
  CASE c.tw_t2_level WHEN -1 THEN (FLOOR((GREATEST(0, 10 - c.tw_t2_earned)) * 1e9 + 0.5) / 1e9) WHEN 0 THEN (FLOOR((GREATEST(0, 50.5 - c.tw_t2_earned)) * 1e9 + 0.5) / 1e9) END AS "Halves (points missing)"
FROM tw_t2 c
ORDER BY c.extra_order, c.first_line, c.cust
