"""The evaluation harness: vignettes, metrics, and an interview simulator."""
