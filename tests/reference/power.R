# Reference values for tests/test_power.py (R 4.2.2, stats::power.prop.test).
# Run: Rscript tests/reference/power.R
cases <- list(c(0.50, 0.75, 50), c(0.20, 0.10, 150), c(0.30, 0.25, 1000), c(0.05, 0.15, 80))
for (x in cases) {
  r <- power.prop.test(n = x[3], p1 = x[1], p2 = x[2], sig.level = 0.05, strict = TRUE)
  cat(sprintf("p1=%.2f p2=%.2f n=%d power=%.10f\n", x[1], x[2], as.integer(x[3]), r$power))
}
