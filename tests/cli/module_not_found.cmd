-m
nonexist
