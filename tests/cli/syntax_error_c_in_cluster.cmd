-uc
if x
