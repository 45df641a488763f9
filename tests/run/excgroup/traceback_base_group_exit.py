# A BaseExceptionGroup holding SystemExit is not SystemExit: it is printed
# and the exit status is 1.
raise BaseExceptionGroup("exits", [SystemExit(3), KeyboardInterrupt()])
