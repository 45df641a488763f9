-
q
