-c
name = "café" +
