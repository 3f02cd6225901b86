"""Share costs and funding fairly, without Django: apportionment, grants, pooled
entitlements and savings sharing. Money is held in whole pence (int) and printed as
strings with two decimals; every split adds up exactly to its total (largest remainder,
ties by party order as given). See ``python -m partnering.costs --help``."""
