# cpython: -
--tokens
-
