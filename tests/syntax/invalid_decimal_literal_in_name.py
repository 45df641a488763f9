delay = 3rd_attempt
