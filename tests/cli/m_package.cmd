# -m runs a package found on sys.path (the working directory): its
# __init__, then its __main__ as __main__, relative imports working.
-m
clipkg
a1
