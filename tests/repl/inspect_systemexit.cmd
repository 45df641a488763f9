-i
-c
x = 1; raise SystemExit(3)
