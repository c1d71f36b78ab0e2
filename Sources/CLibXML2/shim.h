#ifndef INSIGHTFLOW_CLIBXML2_SHIM_H
#define INSIGHTFLOW_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with the copy Foundation ships. InsightFlow never touches
   the encoding handler structs that use ICU types (only pointers to documents, nodes and XPath objects). */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/* An XPath context whose errors go nowhere (libxml2 prints them to stderr otherwise). */
static void insightflow_xml_silent(void *context, xmlErrorPtr error) { (void)context; (void)error; }
static inline xmlXPathContextPtr insightflow_xpath_context(xmlDocPtr doc) {
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    if (context != NULL) { context->error = insightflow_xml_silent; }
    return context;
}
/* Parse options: no network access, no error or warning output. */
static inline int insightflow_xml_parse_options(void) { return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING; }
/* xmlFree is a global function pointer, which Swift 6 will not read from concurrent code. */
static inline void insightflow_xml_free(void *pointer) { xmlFree(pointer); }
#endif
