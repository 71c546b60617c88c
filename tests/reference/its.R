# Reference values for tests/test_its.py, computed with R 4.2.2 (stats::glm).
# Run from the project root: Rscript tests/reference/its.R
options(digits = 12)
d <- read.csv("tests/reference/its_series.csv")
d$t <- seq_len(nrow(d)) - 1
t0 <- min(d$t[d$intervention == 1])
d$slope <- (d$t - t0) * d$intervention
for (k in 1:2) { d[[paste0("sin", k)]] <- sin(2 * pi * k * d$t / 12); d[[paste0("cos", k)]] <- cos(2 * pi * k * d$t / 12) }
f <- count ~ t + intervention + slope + sin1 + cos1 + sin2 + cos2 + offset(log(exposure))
p <- glm(f, family = poisson, data = d)
q <- glm(f, family = quasipoisson, data = d)
cat("poisson coef", coef(p), "\n")
cat("poisson se", summary(p)$coefficients[, 2], "\n")
cat("quasi se", summary(q)$coefficients[, 2], "dispersion", summary(q)$dispersion, "\n")
# Newey-West (Bartlett kernel, 3 lags, no prewhitening, small-sample adjustment n/(n-k)) for the Poisson fit
library(sandwich)
cat("neweywest se", sqrt(diag(NeweyWest(p, lag = 3, prewhite = FALSE, adjust = TRUE))), "\n")
cat("neweywest quasi se", sqrt(diag(NeweyWest(q, lag = 3, prewhite = FALSE, adjust = TRUE))), "\n")
