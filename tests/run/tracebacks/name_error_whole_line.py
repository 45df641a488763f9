x = 1
undefined_thing
