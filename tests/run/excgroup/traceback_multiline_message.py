# A message spanning lines: the traceback module puts the group margin on
# every line, the default hook only on the first.
import traceback, sys
eg = ExceptionGroup("multi\nline group", [ValueError("first\nsecond"), TypeError("x\r\ny")])
traceback.print_exception(eg, file=sys.stdout)
sys.stdout.flush()
raise eg
