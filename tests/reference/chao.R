# Reference values for tests/test_nulmeting.py (Chao1 / Chao2), computed with vegan 2.6-4 on R 4.2.
# Run: Rscript tests/reference/chao.R
suppressMessages(library(vegan))
options(digits = 10)

# Abundance data: number of pupils per agency
a1 <- c(1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 8, 12, 20, 1, 6, 2)
a2 <- c(1, 1, 1, 3, 5, 9)          # no doubletons (f2 = 0)
print(estimateR(a1)[c("S.obs", "S.chao1", "se.chao1")])
print(estimateR(a2)[c("S.obs", "S.chao1", "se.chao1")])

# Incidence data: pupils (rows) x agencies (columns), 1 = agency involved with pupil
rows1 <- c("110000000000", "100100000000", "101000000001", "100000010000", "110000000000",
           "100010000000", "010000100000", "100000001000", "110000000100", "000000000010")
rows2 <- c("110000000000", "100100000000", "101000000001", "100000010000", "111000000000",
           "100110000000", "010000100000", "100000001000", "110000000100", "000000000011",
           "100000000001", "000001000000")
to_matrix <- function(rows) t(sapply(strsplit(rows, ""), as.numeric))
print(specpool(to_matrix(rows1))[c("Species", "chao", "chao.se", "n")])
print(specpool(to_matrix(rows2))[c("Species", "chao", "chao.se", "n")])

# Sample-based rarefaction (expected agencies in t files), the interpolated part of accumulation()
print(specaccum(to_matrix(rows1), method = "exact")$richness)
print(specaccum(to_matrix(rows2), method = "exact")$richness)
