def compute():
    total_count = 3
    return total_cout + 1
compute()
