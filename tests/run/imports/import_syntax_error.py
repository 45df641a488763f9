print("start")
import broken_mod
