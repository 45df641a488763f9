-i
-c
pass
