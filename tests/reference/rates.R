# Reference values for tests/test_rates.py, computed with R 4.2.2 (stats::poisson.test).
# Run: Rscript tests/reference/rates.R
options(digits = 12)
for (x in c(0, 3, 12, 57)) { p <- poisson.test(x, 1); cat("poisson.test", x, p$conf.int, "\n") }
a <- poisson.test(c(11, 23), c(800, 1000)); cat("ratio", a$estimate, a$conf.int, a$p.value, "\n")
b <- poisson.test(c(20, 40), c(4000, 4000)); cat("ratio2", b$estimate, b$conf.int, b$p.value, "\n")
c <- poisson.test(c(137, 412), c(52000.5, 118000)); cat("ratio3", c$estimate, c$conf.int, c$p.value, "\n")
d <- poisson.test(c(0, 7), c(300, 500)); cat("ratio4", d$estimate, d$conf.int, d$p.value, "\n")
