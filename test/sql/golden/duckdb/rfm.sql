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
    CASE WHEN COALESCE(TRIM(CAST("Segment" AS VARCHAR), '	
                  　﻿'), '') NOT IN ('Home Office') THEN 1 ELSE 0 END AS kept,
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
tw_t1_measured AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN DATE_DIFF('day', c.last_buy, w.ref_day) END AS tw_t1_days,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN 1 ELSE 0 END AS tw_t1_bought
    FROM tw_customers c CROSS JOIN tw_window w
),
tw_t1_ranked AS (
  SELECT c.*,
      ROW_NUMBER() OVER (PARTITION BY c.tw_t1_bought ORDER BY c.tw_t1_days, c.cust) AS tw_t1_rr,
      COUNT(*) OVER (PARTITION BY c.tw_t1_bought) AS tw_t1_rn,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.orders, c.cust) AS tw_t1_fr,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.sales, c.cust) AS tw_t1_mr,
      COUNT(*) OVER (PARTITION BY c.in_window) AS tw_t1_n
    FROM tw_t1_measured c
),
tw_t1_cuts AS (
  SELECT c.*,
      MAX(CASE WHEN c.tw_t1_rr = CEIL(CAST(1 * c.tw_t1_rn AS DOUBLE) / 5) THEN c.tw_t1_days END) OVER (PARTITION BY c.tw_t1_bought) AS tw_t1_r1,
      MAX(CASE WHEN c.tw_t1_rr = CEIL(CAST(2 * c.tw_t1_rn AS DOUBLE) / 5) THEN c.tw_t1_days END) OVER (PARTITION BY c.tw_t1_bought) AS tw_t1_r2,
      MAX(CASE WHEN c.tw_t1_rr = CEIL(CAST(3 * c.tw_t1_rn AS DOUBLE) / 5) THEN c.tw_t1_days END) OVER (PARTITION BY c.tw_t1_bought) AS tw_t1_r3,
      MAX(CASE WHEN c.tw_t1_rr = CEIL(CAST(4 * c.tw_t1_rn AS DOUBLE) / 5) THEN c.tw_t1_days END) OVER (PARTITION BY c.tw_t1_bought) AS tw_t1_r4,
      MAX(CASE WHEN c.tw_t1_fr = CEIL(CAST(1 * c.tw_t1_n AS DOUBLE) / 5) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t1_f1,
      MAX(CASE WHEN c.tw_t1_fr = CEIL(CAST(2 * c.tw_t1_n AS DOUBLE) / 5) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t1_f2,
      MAX(CASE WHEN c.tw_t1_fr = CEIL(CAST(3 * c.tw_t1_n AS DOUBLE) / 5) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t1_f3,
      MAX(CASE WHEN c.tw_t1_fr = CEIL(CAST(4 * c.tw_t1_n AS DOUBLE) / 5) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t1_f4,
      MAX(CASE WHEN c.tw_t1_mr = CEIL(CAST(1 * c.tw_t1_n AS DOUBLE) / 5) THEN c.sales END) OVER (PARTITION BY c.in_window) AS tw_t1_m1,
      MAX(CASE WHEN c.tw_t1_mr = CEIL(CAST(2 * c.tw_t1_n AS DOUBLE) / 5) THEN c.sales END) OVER (PARTITION BY c.in_window) AS tw_t1_m2,
      MAX(CASE WHEN c.tw_t1_mr = CEIL(CAST(3 * c.tw_t1_n AS DOUBLE) / 5) THEN c.sales END) OVER (PARTITION BY c.in_window) AS tw_t1_m3,
      MAX(CASE WHEN c.tw_t1_mr = CEIL(CAST(4 * c.tw_t1_n AS DOUBLE) / 5) THEN c.sales END) OVER (PARTITION BY c.in_window) AS tw_t1_m4
    FROM tw_t1_ranked c
),
tw_t1_scored AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 THEN CASE WHEN c.tw_t1_bought = 1 THEN 6 - (1 + CASE WHEN c.tw_t1_days > c.tw_t1_r1 + 1e-9 * GREATEST(1, ABS(c.tw_t1_r1)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t1_days > c.tw_t1_r2 + 1e-9 * GREATEST(1, ABS(c.tw_t1_r2)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t1_days > c.tw_t1_r3 + 1e-9 * GREATEST(1, ABS(c.tw_t1_r3)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t1_days > c.tw_t1_r4 + 1e-9 * GREATEST(1, ABS(c.tw_t1_r4)) THEN 1 ELSE 0 END) ELSE 1 END END AS tw_t1_r,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.orders > c.tw_t1_f1 + 1e-9 * GREATEST(1, ABS(c.tw_t1_f1)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t1_f2 + 1e-9 * GREATEST(1, ABS(c.tw_t1_f2)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t1_f3 + 1e-9 * GREATEST(1, ABS(c.tw_t1_f3)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t1_f4 + 1e-9 * GREATEST(1, ABS(c.tw_t1_f4)) THEN 1 ELSE 0 END) END AS tw_t1_f,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.sales > c.tw_t1_m1 + 1e-9 * GREATEST(1, ABS(c.tw_t1_m1)) THEN 1 ELSE 0 END + CASE WHEN c.sales > c.tw_t1_m2 + 1e-9 * GREATEST(1, ABS(c.tw_t1_m2)) THEN 1 ELSE 0 END + CASE WHEN c.sales > c.tw_t1_m3 + 1e-9 * GREATEST(1, ABS(c.tw_t1_m3)) THEN 1 ELSE 0 END + CASE WHEN c.sales > c.tw_t1_m4 + 1e-9 * GREATEST(1, ABS(c.tw_t1_m4)) THEN 1 ELSE 0 END) END AS tw_t1_m
    FROM tw_t1_cuts c
),
tw_t1 AS (
  SELECT c.*,
      CASE WHEN c.tw_t1_r IS NULL THEN ''
        WHEN c.tw_t1_r BETWEEN 5 AND 5 AND c.tw_t1_f BETWEEN 4 AND 5 THEN 'Champions'
        WHEN c.tw_t1_r BETWEEN 3 AND 4 AND c.tw_t1_f BETWEEN 4 AND 5 THEN 'Loyal'
        WHEN c.tw_t1_r BETWEEN 4 AND 5 AND c.tw_t1_f BETWEEN 2 AND 3 THEN 'Potential loyalist'
        WHEN c.tw_t1_r BETWEEN 5 AND 5 AND c.tw_t1_f BETWEEN 1 AND 1 THEN 'New'
        WHEN c.tw_t1_r BETWEEN 4 AND 4 AND c.tw_t1_f BETWEEN 1 AND 1 THEN 'Promising'
        WHEN c.tw_t1_r BETWEEN 3 AND 3 AND c.tw_t1_f BETWEEN 3 AND 3 THEN 'Need attention'
        WHEN c.tw_t1_r BETWEEN 3 AND 3 AND c.tw_t1_f BETWEEN 1 AND 2 THEN 'About to sleep'
        WHEN c.tw_t1_r BETWEEN 1 AND 2 AND c.tw_t1_f BETWEEN 3 AND 4 THEN 'At risk'
        WHEN c.tw_t1_r BETWEEN 1 AND 2 AND c.tw_t1_f BETWEEN 5 AND 5 THEN 'Can''t lose them'
        WHEN c.tw_t1_r BETWEEN 2 AND 2 AND c.tw_t1_f BETWEEN 1 AND 2 THEN 'Hibernating'
        WHEN c.tw_t1_r BETWEEN 1 AND 1 AND c.tw_t1_f BETWEEN 1 AND 2 THEN 'Lost'
        ELSE 'Others'
      END AS tw_t1_segment
    FROM tw_t1_scored c
),
tw_t2_measured AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN DATE_DIFF('day', c.last_buy, w.ref_day) END AS tw_t2_days,
      CASE WHEN c.in_window = 1 AND c.last_buy IS NOT NULL THEN 1 ELSE 0 END AS tw_t2_bought
    FROM tw_t1 c CROSS JOIN tw_window w
),
tw_t2_ranked AS (
  SELECT c.*,
      ROW_NUMBER() OVER (PARTITION BY c.tw_t2_bought ORDER BY c.tw_t2_days, c.cust) AS tw_t2_rr,
      COUNT(*) OVER (PARTITION BY c.tw_t2_bought) AS tw_t2_rn,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.orders, c.cust) AS tw_t2_fr,
      ROW_NUMBER() OVER (PARTITION BY c.in_window ORDER BY c.sales, c.cust) AS tw_t2_mr,
      COUNT(*) OVER (PARTITION BY c.in_window) AS tw_t2_n
    FROM tw_t2_measured c
),
tw_t2_cuts AS (
  SELECT c.*,
      MAX(CASE WHEN c.tw_t2_rr = CEIL(CAST(1 * c.tw_t2_rn AS DOUBLE) / 4) THEN c.tw_t2_days END) OVER (PARTITION BY c.tw_t2_bought) AS tw_t2_r1,
      MAX(CASE WHEN c.tw_t2_rr = CEIL(CAST(2 * c.tw_t2_rn AS DOUBLE) / 4) THEN c.tw_t2_days END) OVER (PARTITION BY c.tw_t2_bought) AS tw_t2_r2,
      MAX(CASE WHEN c.tw_t2_rr = CEIL(CAST(3 * c.tw_t2_rn AS DOUBLE) / 4) THEN c.tw_t2_days END) OVER (PARTITION BY c.tw_t2_bought) AS tw_t2_r3,
      MAX(CASE WHEN c.tw_t2_fr = CEIL(CAST(1 * c.tw_t2_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t2_f1,
      MAX(CASE WHEN c.tw_t2_fr = CEIL(CAST(2 * c.tw_t2_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t2_f2,
      MAX(CASE WHEN c.tw_t2_fr = CEIL(CAST(3 * c.tw_t2_n AS DOUBLE) / 4) THEN c.orders END) OVER (PARTITION BY c.in_window) AS tw_t2_f3
    FROM tw_t2_ranked c
),
tw_t2_scored AS (
  SELECT c.*,
      CASE WHEN c.in_window = 1 THEN CASE WHEN c.tw_t2_bought = 1 THEN 5 - (1 + CASE WHEN c.tw_t2_days > c.tw_t2_r1 + 1e-9 * GREATEST(1, ABS(c.tw_t2_r1)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t2_days > c.tw_t2_r2 + 1e-9 * GREATEST(1, ABS(c.tw_t2_r2)) THEN 1 ELSE 0 END + CASE WHEN c.tw_t2_days > c.tw_t2_r3 + 1e-9 * GREATEST(1, ABS(c.tw_t2_r3)) THEN 1 ELSE 0 END) ELSE 1 END END AS tw_t2_r,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.orders > c.tw_t2_f1 + 1e-9 * GREATEST(1, ABS(c.tw_t2_f1)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t2_f2 + 1e-9 * GREATEST(1, ABS(c.tw_t2_f2)) THEN 1 ELSE 0 END + CASE WHEN c.orders > c.tw_t2_f3 + 1e-9 * GREATEST(1, ABS(c.tw_t2_f3)) THEN 1 ELSE 0 END) END AS tw_t2_f,
      CASE WHEN c.in_window = 1 THEN (1 + CASE WHEN c.sales > 250.00000025 THEN 1 ELSE 0 END + CASE WHEN c.sales > 1000.000001 THEN 1 ELSE 0 END + CASE WHEN c.sales > 3000.000003 THEN 1 ELSE 0 END) END AS tw_t2_m
    FROM tw_t2_cuts c
),
tw_t2 AS (
  SELECT c.*,
      CASE WHEN c.tw_t2_r IS NULL THEN ''
        WHEN c.tw_t2_r BETWEEN 4 AND 4 AND c.tw_t2_f BETWEEN 3 AND 4 AND c.tw_t2_m BETWEEN 3 AND 4 THEN 'Best O''Brien \'' "x" -- ; DROP TABLE sales; `'
        WHEN c.tw_t2_m BETWEEN 4 AND 4 THEN 'Big'
        WHEN c.tw_t2_r BETWEEN 3 AND 4 THEN 'Recent'
        ELSE 'Others'
      END AS tw_t2_segment
    FROM tw_t2_scored c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  c.tw_t1_segment AS "RFM",
  c.tw_t1_days AS "RFM (recency days)",
  CASE WHEN c.in_window = 1 THEN c.orders END AS "RFM (frequency)",
  c.tw_t1_r AS "RFM (R)",
  c.tw_t1_f AS "RFM (F)",
  c.tw_t1_m AS "RFM (M)",
  CASE WHEN c.tw_t1_r IS NULL THEN '' ELSE CONCAT(CAST(c.tw_t1_r AS VARCHAR), CAST(c.tw_t1_f AS VARCHAR), CAST(c.tw_t1_m AS VARCHAR)) END AS "RFM (RFM)",
  c.tw_t2_segment AS "RFM 12",
  c.tw_t2_days AS "RFM 12 (recency days)",
  CASE WHEN c.in_window = 1 THEN c.orders END AS "RFM 12 (frequency)",
  c.tw_t2_r AS "RFM 12 (R)",
  c.tw_t2_f AS "RFM 12 (F)",
  c.tw_t2_m AS "RFM 12 (M)",
  CASE WHEN c.tw_t2_r IS NULL THEN '' ELSE CONCAT(CAST(c.tw_t2_r AS VARCHAR), CAST(c.tw_t2_f AS VARCHAR), CAST(c.tw_t2_m AS VARCHAR)) END AS "RFM 12 (RFM)"
FROM tw_t2 c
ORDER BY c.extra_order, c.first_line, c.cust
