name = "café" + )
