# Reference values for tests/test_durations.py, computed with R 4.2 and survival 3.5
# (survfit: Kaplan-Meier, conf.type = "log" and "log-log"; survdiff: log-rank).
# Run: Rscript tests/reference/durations.R
library(survival)
options(digits = 12)
d <- read.csv("tests/reference/durations.csv")
for (ct in c("log", "log-log")) {
  fit <- survfit(Surv(days, placed) ~ group, data = d, conf.type = ct)
  cat(ct, "\n"); print(summary(fit)$table[, c("records", "events", "median", "0.95LCL", "0.95UCL")])
  s <- summary(fit, times = 90); cat("S(90)", s$surv, "lower", s$lower, "upper", s$upper, "\n")
}
sd <- survdiff(Surv(days, placed) ~ group, data = d); cat("survdiff chisq", sd$chisq, "obs", sd$obs, "exp", sd$exp, "\n")
# a curve that is flat at exactly 0.5: R takes the midpoint of the flat stretch as the median
flat <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 1, 1)) ~ 1)
cat("flat median", summary(flat)$table["median"], "\n")
flat2 <- survfit(Surv(c(10, 20, 20, 30, 45, 60), c(1, 1, 1, 0, 1, 1)) ~ 1)
print(summary(flat2)$table); print(summary(flat2))
# a curve that ends exactly at 0.5 (the last two censored): median at the last event; a censored time inside a flat stretch
cat("ends at 0.5", summary(survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 0)) ~ 1))$table["median"], "\n")
cat("eight", summary(survfit(Surv(1:8, c(1, 1, 1, 1, 0, 1, 1, 0)) ~ 1))$table["median"], "\n")
