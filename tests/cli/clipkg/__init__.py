print("clipkg/__init__", __name__)
