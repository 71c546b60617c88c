# Reference values for tests/test_survey.py (R 4.2.2, psych 2.2.9).
# Data: tests/reference/survey_items.csv = evaluatie.synthetic.survey(seed=11), coded, wave "voor",
# items samenwerking_1..4 (samenwerking_4 reverse-coded) and bereikbaarheid_1; NA = missing / weet niet.
library(psych)
x <- read.csv("tests/reference/survey_items.csv")
a <- psych::alpha(x)            # default: pairwise covariances (use = "pairwise")
print(a$total$raw_alpha, digits = 15)
print(a$alpha.drop$raw_alpha, digits = 15)
print(a$item.stats$r.drop, digits = 15)
cc <- na.omit(x)
print(nrow(cc))
print(psych::alpha(cc)$total$raw_alpha, digits = 15)
f <- psych::fa(cc, nfactors = 1, fm = "ml")
l <- as.numeric(f$loadings)
print(sum(l)^2 / (sum(l)^2 + sum(1 - l^2)), digits = 15)   # omega total, one ML factor, complete cases
