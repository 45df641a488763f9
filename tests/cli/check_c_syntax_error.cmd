# cpython: -c x\x20=\x20)
--check
-c
x = )
