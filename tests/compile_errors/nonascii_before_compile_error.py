x = "éé"; return 1
