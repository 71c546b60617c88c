# Reference values for tests/test_outcomes.py, computed with R 4.2 (stats::binom.test, prop.test,
# fisher.test). Run: Rscript tests/reference/outcomes.R
options(digits = 12)
for (kn in list(c(0, 4), c(2, 4), c(4, 4), c(1, 10), c(7, 30), c(45, 160), c(1, 6), c(5, 6))) {
  k <- kn[1]; n <- kn[2]
  e <- binom.test(k, n)$conf.int
  w <- prop.test(k, n, correct = FALSE)$conf.int
  e90 <- binom.test(k, n, conf.level = 0.90)$conf.int
  cat("k n", k, n, "exact", e, "wilson", w, "exact90", e90, "\n")
}
# exact binomial test against a benchmark (historical outflow rate 10%)
for (p0 in c(0.1, 0.5)) { b <- binom.test(2, 4, p = p0); cat("binom.test 2/4 p0", p0, b$p.value, "\n") }
b <- binom.test(2, 4, p = 0.1, alternative = "greater"); cat("binom.test greater", b$p.value, "\n")
# Fisher exact: 2 of 4 in the SO+ class vs 3 of 20 in a reference group
f <- fisher.test(matrix(c(2, 2, 3, 17), nrow = 2)); cat("fisher", f$p.value, f$estimate, f$conf.int, "\n")
f <- fisher.test(matrix(c(12, 18, 5, 25), nrow = 2)); cat("fisher2", f$p.value, f$estimate, f$conf.int, "\n")
