# an empty line is an empty argument: the path "" names the current directory

