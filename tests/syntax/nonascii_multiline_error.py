x = f("éé" for c in
      s, 1)
