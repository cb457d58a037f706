#ifndef KOKON_CYAML_SHIM_H
#define KOKON_CYAML_SHIM_H
#include <yaml.h>
#endif
