VALUE = "helper of clipkg"
