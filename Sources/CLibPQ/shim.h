#ifndef KOKON_CLIBPQ_SHIM_H
#define KOKON_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
