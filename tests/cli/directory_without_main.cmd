nomain
