#ifndef SOCHIBO_CLIBXML2_SHIM_H
#define SOCHIBO_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, whose headers clash with the ICU that Foundation
// carries ("'UErrorCode' has different definitions"). We never use libxml2's ICU API.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/// `xmlFree` is a global function pointer, which Swift 6 refuses as shared mutable state.
static inline void sochibo_xmlFree(void *pointer) { xmlFree(pointer); }

/// Refuses every external entity and DTD the parser asks for: the archive format has none.
static inline xmlParserInputPtr sochibo_refusingEntityLoader(const char *url, const char *id,
                                                             xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/// Installs the refusing loader for the whole process (once, at start-up).
static inline void sochibo_installRefusingEntityLoader(void) {
    xmlSetExternalEntityLoader(sochibo_refusingEntityLoader);
}

#endif
