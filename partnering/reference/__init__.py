"""Reference data and helpers every app shares: the topic taxonomy and its matching, field labels,
financial years and spreadsheet writing. Plain modules; only `labels` and `years` import Django."""
