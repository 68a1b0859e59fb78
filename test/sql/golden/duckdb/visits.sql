WITH
tw_answer_rows AS (
  SELECT
    COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') AS cust,
    "Answer No" AS seq,
    COALESCE(TRIM(CAST("Segment" AS VARCHAR), '	
                  　﻿'), '') AS q1,
    COALESCE(TRIM(CAST("Region" AS VARCHAR), '	
                  　﻿'), '') AS q2,
    COALESCE(TRIM(CAST("Q O'Brien \' ""x"" -- ; DROP TABLE sales; `" AS VARCHAR), '	
                  　﻿'), '') AS q3
  FROM "answers"
),
tw_answer_picks AS (
  SELECT r.*,
      ROW_NUMBER() OVER (PARTITION BY r.cust ORDER BY CASE WHEN r.q1 <> '' THEN 0 ELSE 1 END, CASE WHEN r.seq IS NULL THEN 1 ELSE 0 END, r.seq DESC, r.q1 DESC) AS q1_pick,
      ROW_NUMBER() OVER (PARTITION BY r.cust ORDER BY CASE WHEN r.q2 <> '' THEN 0 ELSE 1 END, CASE WHEN r.seq IS NULL THEN 1 ELSE 0 END, r.seq DESC, r.q2 DESC) AS q2_pick,
      ROW_NUMBER() OVER (PARTITION BY r.cust ORDER BY CASE WHEN r.q3 <> '' THEN 0 ELSE 1 END, CASE WHEN r.seq IS NULL THEN 1 ELSE 0 END, r.seq DESC, r.q3 DESC) AS q3_pick
    FROM tw_answer_rows r WHERE r.cust <> ''
),
tw_answers AS (
  SELECT cust, MIN(seq) AS first_seq, LOWER(MAX(CASE WHEN q1_pick = 1 THEN q1 END)) AS q1, LOWER(MAX(CASE WHEN q2_pick = 1 THEN q2 END)) AS q2, LOWER(MAX(CASE WHEN q3_pick = 1 THEN q3 END)) AS q3
    FROM tw_answer_picks GROUP BY cust
),
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
    UNION ALL SELECT 'PROSPECT-3' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 0 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'PROSPECT-3' NOT IN (SELECT cust FROM tw_measured)
    UNION ALL SELECT 'OVERRIDE-ONLY' AS cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 1 AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_window WHERE 'OVERRIDE-ONLY' NOT IN (SELECT cust FROM tw_measured)
    UNION ALL SELECT a.cust, '' AS cname, CAST(NULL AS BIGINT) AS first_line, 1 + ROW_NUMBER() OVER (ORDER BY CASE WHEN a.first_seq IS NULL THEN 1 ELSE 0 END, a.first_seq, a.cust) AS extra_order, CAST(0 AS DOUBLE) AS sales, CAST(0 AS DOUBLE) AS profit, CAST(0 AS DOUBLE) AS qty, 0 AS in_window, CAST(NULL AS DATE) AS last_buy, 0 AS orders FROM tw_answers a WHERE a.cust NOT IN (SELECT cust FROM tw_measured) AND a.cust NOT IN ('PROSPECT-3', 'OVERRIDE-ONLY')
),
tw_last_visits AS (
  SELECT v.cust, MAX(v.d) AS visit_last
    FROM (SELECT COALESCE(TRIM(CAST("Customer ID" AS VARCHAR), '	
                  　﻿'), '') AS cust, CAST("Visit date" AS DATE) AS d FROM "crm"."visits") v
    CROSS JOIN tw_window w
    WHERE v.cust <> '' AND v.d IS NOT NULL AND v.d <= w.ref_day
    GROUP BY v.cust
),
tw_visited AS (
  SELECT c.*, v.visit_last, w.ref_day AS visit_ref
    FROM tw_customers c CROSS JOIN tw_window w LEFT JOIN tw_last_visits v ON v.cust = c.cust
),
tw_t1_flagged AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.sales END AS tw_t1_v, CASE WHEN (c.in_window = 1) AND CASE WHEN c.in_window = 1 THEN c.sales END > 0 THEN 1 ELSE 0 END AS tw_t1_ranked FROM tw_visited c
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
      END AS tw_t1_auto, o.seg AS tw_t1_manual FROM tw_t1_shares c LEFT JOIN (VALUES ('PROSPECT-3', 'A'), ('OVERRIDE-ONLY', 'B')) AS o(cust, seg) ON o.cust = c.cust
),
tw_t2_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.profit END AS tw_t2_v, CASE WHEN (c.in_window = 1) THEN 1 ELSE 0 END AS tw_t2_eligible FROM tw_t1 c
),
tw_t2 AS (
  SELECT c.*,
      CASE WHEN c.tw_t2_eligible = 0 OR c.tw_t2_v IS NULL THEN ''
        WHEN c.tw_t2_v >= 1999.999998 THEN 'High'
        WHEN c.tw_t2_v >= 499.9999995 THEN 'Mid'
        WHEN c.tw_t2_v >= (-1e-9) THEN 'Low'
        WHEN 1 = 1 THEN 'Loss'
        ELSE ''
      END AS tw_t2_segment
    FROM tw_t2_measured c
),
tw_t3_lines AS (
  SELECT k.cust, k.ord, k.amount, COALESCE(k.qty, 0) AS qty, COALESCE(k.spent, 0) AS spent,
      CASE WHEN k.tw_x1 IN ('Technology') THEN (SIGN((FLOOR((k.amount * 0.25) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((k.amount * 0.25) * 1e9 + 0.5) / 1e9)) + 0.5)) ELSE 0 END + CASE WHEN k.tw_x2 IN ('Paper', 'Binders', 'O''Brien \'' "x" -- ; DROP TABLE sales; `') AND NOT (k.tw_x1 IN ('Technology')) THEN (SIGN((FLOOR((COALESCE(k.qty, 0) * 2) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((COALESCE(k.qty, 0) * 2) * 1e9 + 0.5) / 1e9)) + 0.5)) ELSE 0 END AS rule_points,
      CASE WHEN k.tw_x1 IN ('Technology') THEN 1 ELSE 0 END AS taken
    FROM tw_kept k WHERE k.in_window = 1
),
tw_t3_orders AS (
  SELECT l.cust, SUM(l.amount) AS s, SUM(l.qty) AS u FROM tw_t3_lines l WHERE l.taken = 0 GROUP BY l.cust, l.ord
),
tw_t3_points AS (
  SELECT cust, (FLOOR((SUM(pts)) * 1e9 + 0.5) / 1e9) AS earned, (FLOOR((SUM(spent)) * 1e9 + 0.5) / 1e9) AS spent
    FROM (SELECT cust, rule_points AS pts, spent FROM tw_t3_lines
      UNION ALL SELECT o.cust, (SIGN((FLOOR((o.s * 0.1) * 1e9 + 0.5) / 1e9)) * FLOOR(ABS((FLOOR((o.s * 0.1) * 1e9 + 0.5) / 1e9)) + 0.5)) + SIGN((FLOOR((o.s) * 1e9 + 0.5) / 1e9)) * 5 AS pts, 0 AS spent FROM tw_t3_orders o) x GROUP BY cust
),
tw_t3_measured AS (
  SELECT c.*, COALESCE(pt.earned, 0) AS tw_t3_earned, COALESCE(pt.spent, 0) AS tw_t3_spent
    FROM tw_t2 c LEFT JOIN tw_t3_points pt ON pt.cust = c.cust
),
tw_t3 AS (
  SELECT c.*, CASE WHEN c.tw_t3_earned >= 999.999999999 THEN 2 WHEN c.tw_t3_earned >= 199.999999999 THEN 1 WHEN c.tw_t3_earned >= (-1e-9) THEN 0 ELSE -1 END AS tw_t3_level, (FLOOR((c.tw_t3_earned - c.tw_t3_spent) * 1e9 + 0.5) / 1e9) AS tw_t3_balance FROM tw_t3_measured c
),
tw_t4_buys AS (
  SELECT k.cust, DATE_DIFF('day', k.d, w.ref_day) AS days
    FROM tw_kept k CROSS JOIN tw_window w WHERE k.readable = 1 AND k.amount > 0 AND k.d <= w.ref_day
),
tw_t4_bought AS (
  SELECT DISTINCT b.cust, CAST(FLOOR(CAST(b.days AS DOUBLE) / 90) AS BIGINT) AS j
    FROM tw_t4_buys b WHERE b.days < 720
),
tw_t4_stats AS (
  SELECT b.cust, MIN(b.days) AS last_days, MAX(s.weight) AS weight
    FROM tw_t4_buys b LEFT JOIN (SELECT cust, SUM(POWER(0.5, j)) AS weight FROM tw_t4_bought GROUP BY cust) s ON s.cust = b.cust
    GROUP BY b.cust
),
tw_t4_measured AS (
  SELECT c.*, CASE WHEN w.ref_day IS NOT NULL THEN 1 * POWER(0.5, 8) + 0.5 * COALESCE(s.weight, 0) END AS tw_t4_som, s.last_days AS tw_t4_last_days
    FROM tw_t3 c CROSS JOIN tw_window w LEFT JOIN tw_t4_stats s ON s.cust = c.cust
),
tw_t4 AS (
  SELECT c.*, CASE WHEN (c.tw_t4_last_days IS NULL OR c.tw_t4_last_days >= 119.99999988) AND ((c.profit < (-1e-9)) OR (ABS(c.sales - 0) > 1e-9)) THEN 'Lapsed' ELSE '' END AS tw_t4_segment FROM tw_t4_measured c
),
tw_t5_matched AS (
  SELECT c.*,
      CASE WHEN COALESCE(a.q1, '') IN ('corporate') THEN 1 ELSE 0 END AS tw_t5_m0,
      CASE WHEN COALESCE(a.q2, '') IN ('west') AND COALESCE(a.q1, '') IN ('corporate') THEN 1 ELSE 0 END AS tw_t5_m1,
      CASE WHEN COALESCE(a.q1, '') IN ('consumer', 'home office') AND COALESCE(a.q2, '') NOT IN ('central') THEN 1 ELSE 0 END AS tw_t5_m2,
      CASE WHEN COALESCE(a.q3, '') IN ('a o''brien \'' "x" -- ; drop table sales; `') THEN 1 ELSE 0 END AS tw_t5_m3,
      CASE WHEN COALESCE(a.q2, '') NOT IN ('west') THEN 1 ELSE 0 END AS tw_t5_m4
    FROM tw_t4 c LEFT JOIN tw_answers a ON a.cust = c.cust
),
tw_t5 AS (
  SELECT c.*,
      CASE WHEN c.tw_t5_m1 = 1 THEN 'Corporate West' WHEN c.tw_t5_m0 = 1 THEN 'Corporate' WHEN c.tw_t5_m2 = 1 THEN 'Private' WHEN c.tw_t5_m3 = 1 THEN 'Nasty O''Brien \'' "x" -- ; DROP TABLE sales; `' WHEN c.tw_t5_m4 = 1 THEN 'Not West' ELSE '' END AS tw_t5_segment,
      SUBSTR(CONCAT(CASE WHEN c.tw_t5_m1 = 1 THEN '; Corporate West' ELSE '' END, CASE WHEN c.tw_t5_m0 = 1 THEN '; Corporate' ELSE '' END, CASE WHEN c.tw_t5_m2 = 1 THEN '; Private' ELSE '' END, CASE WHEN c.tw_t5_m3 = 1 THEN '; Nasty O''Brien \'' "x" -- ; DROP TABLE sales; `' ELSE '' END, CASE WHEN c.tw_t5_m4 = 1 THEN '; Not West' ELSE '' END), 3) AS tw_t5_profiles
    FROM tw_t5_matched c
),
tw_t6_measured AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN DATE_DIFF('day', c.last_buy, w.ref_day) END AS tw_t6_days,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN 1 ELSE 0 END AS tw_t6_bought
    FROM tw_t5 c CROSS JOIN tw_window w
),
tw_t6_ranked AS (
  SELECT c.*,
      ROW_NUMBER() OVER (PARTITION BY c.tw_t6_bought ORDER BY c.tw_t6_days, c.cust) AS tw_t6_rr,
      COUNT(*) OVER (PARTITION BY c.tw_t6_bought) AS tw_t6_rn,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.orders, c.cust) AS tw_t6_fr,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.sales, c.cust) AS tw_t6_mr,
      COUNT(*) OVER (PARTITION BY c.in_window) AS tw_t6_n
    FROM tw_t6_measured c
),
tw_t6_cuts AS (
  SELECT c.*,
      MAX(CASE WHEN c.tw_t6_rr = CEIL(CAST(1 * c.tw_t6_rn AS DOUBLE) / 4) THEN c.tw_t6_days END) OVER (PARTITION BY c.tw_t6_bought) AS tw_t6_r1,
      MAX(CASE WHEN c.tw_t6_rr = CEIL(CAST(2 * c.tw_t6_rn AS DOUBLE) / 4) THEN c.tw_t6_days END) OVER (PARTITION BY c.tw_t6_bought) AS tw_t6_r2,
      MAX(CASE WHEN c.tw_t6_rr = CEIL(CAST(3 * c.tw_t6_rn AS DOUBLE) / 4) THEN c.tw_t6_days END) OVER (PARTITION BY c.tw_t6_bought) AS tw_t6_r3,
      MAX(CASE WHEN c.tw_t6_fr = CEIL(CAST(1 * c.tw_t6_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t6_f1,
      MAX(CASE WHEN c.tw_t6_fr = CEIL(CAST(2 * c.tw_t6_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t6_f2,
      MAX(CASE WHEN c.tw_t6_fr = CEIL(CAST(3 * c.tw_t6_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t6_f3
    FROM tw_t6_ranked c
),
tw_t6_scored AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 THEN CASE WHEN c.tw_t6_bought = 1 THEN 5 - (1 + CASE WHEN c.tw_t6_days > c.tw_t6_r1 + 1e-9 * GREATEST(1, ABS(c.tw_t6_r1)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t6_days > c.tw_t6_r2 + 1e-9 * GREATEST(1, ABS(c.tw_t6_r2)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t6_days > c.tw_t6_r3 + 1e-9 * GREATEST(1, ABS(c.tw_t6_r3)) THEN 1 ELSE 0 END) ELSE 1 END END AS tw_t6_r,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.orders > c.tw_t6_f1 + 1e-9 * GREATEST(1, ABS(c.tw_t6_f1)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t6_f2 + 1e-9 * GREATEST(1, ABS(c.tw_t6_f2)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t6_f3 + 1e-9 * GREATEST(1, ABS(c.tw_t6_f3)) THEN 1 ELSE 0 END) END AS tw_t6_f,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.sales > 250.00000025 THEN 1 ELSE 0 END + CASE WHEN c.sales > 1000.000001 THEN 1 ELSE 0 END + CASE WHEN c.sales > 3000.000003 THEN 1 ELSE 0 END) END AS tw_t6_m
    FROM tw_t6_cuts c
),
tw_t6 AS (
  SELECT c.*,
      CASE WHEN c.tw_t6_r IS NULL THEN ''
        WHEN c.tw_t6_r BETWEEN 4 AND 4 AND c.tw_t6_f BETWEEN 3 AND 4 AND c.tw_t6_m BETWEEN 3 AND 4 THEN 'Best O''Brien \'' "x" -- ; DROP TABLE sales; `'
        WHEN c.tw_t6_m BETWEEN 4 AND 4 THEN 'Big'
        WHEN c.tw_t6_r BETWEEN 3 AND 4 THEN 'Recent'
        ELSE 'Others'
      END AS tw_t6_segment
    FROM tw_t6_scored c
),
tw_t7_span AS (
  SELECT (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM f) AS BIGINT) - 1) AS base, (CAST(EXTRACT(YEAR FROM l) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM l) AS BIGINT) - 1) - (CAST(EXTRACT(YEAR FROM f) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM f) AS BIGINT) - 1) + 1 AS n
    FROM (SELECT COALESCE(w.first_day, x.f) AS f, COALESCE(w.last_day, x.l) AS l
      FROM tw_window w CROSS JOIN (SELECT MIN(d) AS f, MAX(d) AS l FROM tw_kept WHERE readable = 1) x) s
),
tw_t7_periods AS (
  SELECT k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM k.d) AS BIGINT) - 1) AS period, SUM(k.qty) AS t
    FROM tw_kept k WHERE k.in_window = 1 GROUP BY k.cust, (CAST(EXTRACT(YEAR FROM k.d) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM k.d) AS BIGINT) - 1)
),
tw_t7_means AS (
  SELECT q.cust, q.t, SUM(q.t) OVER (PARTITION BY q.cust) / s.n AS mean, s.n FROM tw_t7_periods q CROSS JOIN tw_t7_span s
),
tw_t7_stats AS (
  SELECT cust, MAX(mean) AS mean, MAX(n) AS n, COUNT(*) AS present,
      SUM(CASE WHEN (t * 1e9 >= 0.5 OR t * 1e9 < -0.5) THEN 1 ELSE 0 END) AS with_sales,
      SUM((t - mean) * (t - mean)) AS squares
    FROM tw_t7_means GROUP BY cust
),
tw_t7_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 AND s.mean * 1e9 >= 0.5 THEN SQRT((s.squares + (s.n - s.present) * s.mean * s.mean) / s.n) / s.mean END AS tw_t7_cv, COALESCE(s.with_sales, 0) AS tw_t7_with
    FROM tw_t6 c LEFT JOIN tw_t7_stats s ON s.cust = c.cust
),
tw_t7 AS (
  SELECT c.*,
      CASE WHEN c.tw_t7_cv IS NULL OR c.tw_t7_with < 2 THEN 'Too few O''Brien \'' "x" -- ; DROP TABLE sales; `'
        
        WHEN c.tw_t7_cv <= 1.500000001 THEN 'Steady'
        ELSE 'Erratic'
      END AS tw_t7_segment
    FROM tw_t7_measured c
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
  c.visit_last AS "Sales ABC (last visit)",
  CASE WHEN COALESCE(c.tw_t1_manual, c.tw_t1_auto) = 'A' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 30 DAY AS DATE) END WHEN COALESCE(c.tw_t1_manual, c.tw_t1_auto) = 'B' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 90 DAY AS DATE) END END AS "Sales ABC (next visit due)",
  CASE WHEN COALESCE(c.tw_t1_manual, c.tw_t1_auto) = 'A' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 30) END WHEN COALESCE(c.tw_t1_manual, c.tw_t1_auto) = 'B' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 90) END END AS "Sales ABC (overdue days)",
  c.tw_t2_segment AS "Profit band",
  c.visit_last AS "Profit band (last visit)",
  CASE WHEN c.tw_t2_segment = 'Loss' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 60 DAY AS DATE) END WHEN c.tw_t2_segment = 'High' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 14 DAY AS DATE) END END AS "Profit band (next visit due)",
  CASE WHEN c.tw_t2_segment = 'Loss' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 60) END WHEN c.tw_t2_segment = 'High' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 14) END END AS "Profit band (overdue days)",
  CASE c.tw_t3_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END AS "Club",
  c.tw_t3_earned AS "Club (earned)",
  c.tw_t3_spent AS "Club (spent)",
  c.tw_t3_balance AS "Club (balance)",
  CASE c.tw_t3_level WHEN -1 THEN 'Member' WHEN 0 THEN 'Silver' WHEN 1 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' WHEN 2 THEN '' END AS "Club (next level)",
  CASE c.tw_t3_level WHEN -1 THEN (FLOOR((GREATEST(0, 0 - c.tw_t3_earned)) * 1e9 + 0.5) / 1e9) WHEN 0 THEN (FLOOR((GREATEST(0, 200 - c.tw_t3_earned)) * 1e9 + 0.5) / 1e9) WHEN 1 THEN (FLOOR((GREATEST(0, 1000 - c.tw_t3_earned)) * 1e9 + 0.5) / 1e9) END AS "Club (points missing)",
  SUBSTR(CONCAT(CASE WHEN c.tw_t3_balance >= (-1e-9) AND c.tw_t3_balance >= 99.999999999 THEN CONCAT('; Voucher x', CAST(CAST(FLOOR((FLOOR((c.tw_t3_balance / 100) * 1e9 + 0.5) / 1e9)) AS BIGINT) AS VARCHAR)) ELSE '' END, CASE WHEN c.tw_t3_balance >= 499.999999999 AND c.tw_t3_balance >= 249.999999999 THEN CONCAT('; Gift O''Brien \'' "x" -- ; DROP TABLE sales; ` x', CAST(CAST(FLOOR((FLOOR((c.tw_t3_balance / 250) * 1e9 + 0.5) / 1e9)) AS BIGINT) AS VARCHAR)) ELSE '' END), 3) AS "Club (available rewards)",
  CASE c.tw_t3_level WHEN 1 THEN 0.05 WHEN 2 THEN 0.125 END AS "Club (discount)",
  c.visit_last AS "Club (last visit)",
  CASE WHEN CASE c.tw_t3_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END = 'Silver' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 45 DAY AS DATE) END WHEN CASE c.tw_t3_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END = 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 21 DAY AS DATE) END END AS "Club (next visit due)",
  CASE WHEN CASE c.tw_t3_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END = 'Silver' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 45) END WHEN CASE c.tw_t3_level WHEN -1 THEN '' WHEN 0 THEN 'Member' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' END = 'Gold O''Brien \'' "x" -- ; DROP TABLE sales; `' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 21) END END AS "Club (overdue days)",
  c.tw_t4_segment AS "Lapsed",
  c.tw_t4_som AS "Lapsed (state of mind)",
  c.tw_t4_last_days AS "Lapsed (days since last purchase)",
  c.tw_t4_segment AS "Lapsed (categories)",
  c.visit_last AS "Lapsed (last visit)",
  CASE WHEN c.tw_t4_segment = 'Lapsed' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 7 DAY AS DATE) END END AS "Lapsed (next visit due)",
  CASE WHEN c.tw_t4_segment = 'Lapsed' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 7) END END AS "Lapsed (overdue days)",
  c.tw_t5_segment AS "Profile",
  COALESCE(c.tw_t5_profiles, '') AS "Profile (profiles)",
  c.visit_last AS "Profile (last visit)",
  CASE WHEN c.tw_t5_segment = 'Corporate' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 30 DAY AS DATE) END WHEN c.tw_t5_segment = 'Private' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 60 DAY AS DATE) END END AS "Profile (next visit due)",
  CASE WHEN c.tw_t5_segment = 'Corporate' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 30) END WHEN c.tw_t5_segment = 'Private' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 60) END END AS "Profile (overdue days)",
  c.tw_t6_segment AS "RFM 12",
  c.tw_t6_days AS "RFM 12 (recency days)",
  CASE WHEN c.in_window = 1 THEN c.orders END AS "RFM 12 (frequency)",
  c.tw_t6_r AS "RFM 12 (R)",
  c.tw_t6_f AS "RFM 12 (F)",
  c.tw_t6_m AS "RFM 12 (M)",
  CASE WHEN c.tw_t6_r IS NULL THEN '' ELSE CONCAT(CAST(c.tw_t6_r AS VARCHAR), CAST(c.tw_t6_f AS VARCHAR), CAST(c.tw_t6_m AS VARCHAR)) END AS "RFM 12 (RFM)",
  c.visit_last AS "RFM 12 (last visit)",
  CASE WHEN c.tw_t6_segment = 'Best O''Brien \'' "x" -- ; DROP TABLE sales; `' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 7 DAY AS DATE) END WHEN c.tw_t6_segment = 'Big' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 14 DAY AS DATE) END END AS "RFM 12 (next visit due)",
  CASE WHEN c.tw_t6_segment = 'Best O''Brien \'' "x" -- ; DROP TABLE sales; `' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 7) END WHEN c.tw_t6_segment = 'Big' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 14) END END AS "RFM 12 (overdue days)",
  c.tw_t7_segment AS "Units XYZ",
  CASE WHEN c.in_window = 1 THEN c.qty END AS "Units XYZ (quantity)",
  c.tw_t7_cv AS "Units XYZ (cv)",
  c.tw_t7_with AS "Units XYZ (periods with sales)",
  c.visit_last AS "Units XYZ (last visit)",
  CASE WHEN c.tw_t7_segment = 'Steady' THEN CASE WHEN c.visit_last IS NULL THEN c.visit_ref ELSE CAST(c.visit_last + INTERVAL 30 DAY AS DATE) END END AS "Units XYZ (next visit due)",
  CASE WHEN c.tw_t7_segment = 'Steady' THEN CASE WHEN c.visit_last IS NULL THEN 0 ELSE GREATEST(0, DATE_DIFF('day', c.visit_last, c.visit_ref) - 30) END END AS "Units XYZ (overdue days)"
FROM tw_t7 c
ORDER BY c.extra_order, c.first_line, c.cust
