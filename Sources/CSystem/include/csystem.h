#ifndef MAESTRO_TOPO_CSYSTEM_H
#define MAESTRO_TOPO_CSYSTEM_H

// The umbrella header: the libc calls Swift's Glibc module does not import
// (renameat2 relative to a folder, prctl, and the like), one header each.
#include "csecret.h"
#include "cfiles.h"

#endif
