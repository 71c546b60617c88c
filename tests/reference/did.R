# Reference values for tests/test_did.py, computed with R 4.2.2, sandwich 3.0-2, MASS 7.3-58.
# Run from the project root: Rscript tests/reference/did.R
suppressMessages({library(sandwich); library(MASS)})
options(digits = 12)
d <- read.csv("tests/reference/did_panel.csv")
d$unit <- factor(d$unit); d$period <- factor(d$period)
# Two-way fixed effects Poisson with offset, cluster-robust by unit (HC1)
fp <- glm(count ~ treated + unit + period + offset(log(exposure)), family = poisson, data = d)
cat("poisson coef", coef(fp)["treated"], "se_cl", sqrt(vcovCL(fp, cluster = ~unit, type = "HC1")["treated", "treated"]), "\n")
# Linear TWFE on the rate per 1,000 pupils
d$rate <- d$count / d$exposure * 1000
fl <- lm(rate ~ treated + unit + period, data = d)
cat("lm coef", coef(fl)["treated"], "se_cl", sqrt(vcovCL(fl, cluster = ~unit, type = "HC1")["treated", "treated"]), "\n")
# Negative binomial TWFE
fn <- glm.nb(count ~ treated + unit + period + offset(log(exposure)), data = d)
cat("negbin coef", coef(fn)["treated"], "theta", fn$theta, "se_cl", sqrt(vcovCL(fn, cluster = ~unit, type = "HC1")["treated", "treated"]), "\n")
# Quasi-Poisson model-based SE
fq <- glm(count ~ treated + unit + period + offset(log(exposure)), family = quasipoisson, data = d)
cat("quasi se", summary(fq)$coefficients["treated", "Std. Error"], "dispersion", summary(fq)$dispersion, "\n")
# 2 x 2 on the same data: ever-treated x after period 5
d$g <- as.integer(ave(d$treated, d$unit, FUN = max) > 0)
d$post <- as.integer(as.integer(d$period) > 5)
f2 <- glm(count ~ g * post + offset(log(exposure)), family = poisson, data = d)
cat("2x2 poisson coef", coef(f2)["g:post"], "se", summary(f2)$coefficients["g:post", "Std. Error"],
    "se_hc1", sqrt(vcovHC(f2, type = "HC1")["g:post", "g:post"]),
    "se_cl", sqrt(vcovCL(f2, cluster = ~unit, type = "HC1")["g:post", "g:post"]), "\n")
l2 <- lm(rate ~ g * post, data = d)
s2 <- summary(l2)$coefficients
cat("2x2 lm coef", s2["g:post", 1], "se", s2["g:post", 2], "p", s2["g:post", 4],
    "se_hc1", sqrt(vcovHC(l2, type = "HC1")["g:post", "g:post"]), "\n")
