#!/junk/interpreter with (unbalanced
x = 1 +
