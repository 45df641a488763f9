raise SystemExit("fatal: stopping")
