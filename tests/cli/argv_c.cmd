-c
import sys; print(sys.argv)
x
-Z
