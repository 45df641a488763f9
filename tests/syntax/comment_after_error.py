x = 1 +  # add later
