// open(): file objects of the io classes (runtime/file.c).
#ifndef RUNTIME_FILE_H
#define RUNTIME_FILE_H
#include <stdio.h>
#include "runtime/object.h"

// The builtin open(file, mode='r', buffering=-1, encoding=None, ...).
bool rt_open(Vm *vm, Value *args, size_t nargs, Value kwnames, Value *out);

// A text file over a standard C stream (sys.stdin/stdout/stderr), named
// [name] ("<stdout>"); closing it flushes but never fcloses the stream.
Value rt_file_from_stdio(Vm *vm, FILE *fp, const char *name, bool writable);
// The C stream of an open, writable text file (print's fast path), or NULL.
FILE *rt_file_write_fp(Value v);

extern ObjType textio_type, bufreader_type, bufwriter_type, bufrandom_type;

#endif // RUNTIME_FILE_H
