# no arguments: the program comes from the piped stdin
