-i
-c
x = = 1
