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
  SELECT DATE '2015-12-31' AS first_day, DATE '2016-06-30' AS last_day, DATE '2016-06-30' AS ref_day FROM tw_end e
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
tw_t1_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 AND c.sales <> 0 THEN c.profit / c.sales * 100 END AS tw_t1_v, CASE WHEN (c.in_window = 1) THEN 1 ELSE 0 END AS tw_t1_eligible FROM tw_customers c
),
tw_t1 AS (
  SELECT c.*,
      CASE WHEN c.tw_t1_eligible = 0 OR c.tw_t1_v IS NULL THEN 'Thin or none'
        WHEN c.tw_t1_v >= 14.999999985 THEN 'Healthy'
        WHEN c.tw_t1_v >= (-1e-9) THEN 'Thin or none'
        WHEN 1 = 1 THEN 'Negative'
        ELSE ''
      END AS tw_t1_segment
    FROM tw_t1_measured c
),
tw_t2_measured AS (
  SELECT c.*, CASE WHEN c.in_window = 1 THEN c.profit END AS tw_t2_v, CASE WHEN (c.in_window = 1) THEN 1 ELSE 0 END AS tw_t2_eligible FROM tw_t1 c
),
tw_t2 AS (
  SELECT c.*,
      CASE WHEN c.tw_t2_eligible = 0 OR c.tw_t2_v IS NULL THEN ''
        WHEN c.tw_t2_v >= 99.9999999 THEN ''
        WHEN c.tw_t2_v >= (-1e-9) THEN 'High'
        WHEN c.tw_t2_v >= (-100.0000001) THEN 'Low'
        ELSE ''
      END AS tw_t2_segment
    FROM tw_t2_measured c
)
SELECT
  c.cust AS "Customer",
  c.cname AS "Customer name",
  c.sales AS "Sales",
  c.profit AS "Profit",
  c.tw_t1_segment AS "Margin band",
  c.tw_t1_v AS "Margin band (margin %)",
  c.tw_t2_segment AS "Profit band"
FROM tw_t2 c
ORDER BY c.extra_order, c.first_line, c.cust
