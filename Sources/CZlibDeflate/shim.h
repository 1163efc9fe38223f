#ifndef RECALL_CZLIBDEFLATE_SHIM_H
#define RECALL_CZLIBDEFLATE_SHIM_H
/* zlib (Debian zlib1g-dev), for the export's deflate at a chosen level and its CRC-32. */
#include <zlib.h>
#endif
