#ifndef MAESTRO_TOPO_CYAML_SHIM_H
#define MAESTRO_TOPO_CYAML_SHIM_H
#include <yaml.h>
#endif
