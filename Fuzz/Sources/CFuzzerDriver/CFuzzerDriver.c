// Nothing to define: the header declares a function of the fuzzer runtime.
// SwiftPM needs one source file to make this a C target.
#include "CFuzzerDriver.h"
