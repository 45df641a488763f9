// The _io module: the C classes of the file objects open() makes (file.c),
// which lib/io.py names as io.BufferedReader etc. and registers with its
// abstract base classes. They cannot be instantiated directly.
#include "runtime/dict.h"
#include "runtime/file.h"
#include "runtime/modules.h"

bool rt_io_init(Vm *vm, ObjModule *m) {
    ObjDict *d = AS_DICT(m->dict);
    return dict_set_cstr(vm, d, "TextIOWrapper", OBJ_VAL(&textio_type)) &&
           dict_set_cstr(vm, d, "BufferedReader", OBJ_VAL(&bufreader_type)) &&
           dict_set_cstr(vm, d, "BufferedWriter", OBJ_VAL(&bufwriter_type)) &&
           dict_set_cstr(vm, d, "BufferedRandom", OBJ_VAL(&bufrandom_type)) &&
           dict_set_cstr(vm, d, "_IOBase", OBJ_VAL(textio_type.base));
}
