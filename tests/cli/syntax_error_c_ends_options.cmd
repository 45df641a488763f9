-c
x = )
-Z
--foo
