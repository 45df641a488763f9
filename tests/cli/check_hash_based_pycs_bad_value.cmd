--check-hash-based-pycs
foo
