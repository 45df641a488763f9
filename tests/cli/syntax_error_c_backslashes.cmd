-c
s = "a\\tb\\x4"
