#ifndef RECALL_CZSTD_SHIM_H
#define RECALL_CZSTD_SHIM_H
/* Zstandard (Debian libzstd-dev), for the zstd-compressed collections, media maps and media
   of current Anki packages (.apkg / .colpkg, collection.anki21b). */
#include <zstd.h>
#endif
