#ifndef CLAIMS_CPCRE2_SHIM_H
#define CLAIMS_CPCRE2_SHIM_H
// PCRE2 is built for three code unit widths; claims matches UTF-8 bytes only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_UNSET and PCRE2_ZERO_TERMINATED are macros Swift cannot import.
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t cpcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
