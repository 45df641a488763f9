name = "café" +
