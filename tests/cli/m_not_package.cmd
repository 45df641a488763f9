# -m a package without __main__: CPython's error, exit 1.
-m
clipkg.helper.nothing
