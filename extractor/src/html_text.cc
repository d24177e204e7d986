// HTML → document text with libxml2's HTML parser.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <spdlog/spdlog.h>

#include <cstring>
#include <memory>
#include <string>

#include "bilik/document.h"
#include "bilik/sources.h"

namespace bilik {
namespace {

bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

bool is_block(const xmlNode* n) {
  static const char* kBlocks[] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
                                  "section", "article", "table", "ul", "ol", "pre", "hr", "figcaption"};
  for (const char* b : kBlocks)
    if (named(n, b)) return true;
  return false;
}

bool is_dropped(const xmlNode* n) {
  static const char* kDropped[] = {"script", "style", "nav", "header", "footer", "aside", "noscript",
                                   "form", "iframe", "svg", "button", "select", "template"};
  for (const char* d : kDropped)
    if (named(n, d)) return true;
  return false;
}

struct Page {
  std::string text, title, published;
};

// Visits every node without recursion, so deeply nested pages cannot exhaust
// the stack; `enter` returns false to skip a node's children, `leave` runs
// after them.
template <class Enter, class Leave>
void walk(xmlNode* root, Enter enter, Leave leave) {
  std::vector<std::pair<xmlNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [n, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      leave(n);
      continue;
    }
    if (!enter(n)) continue;
    stack.push_back({n, true});
    std::vector<xmlNode*> children;
    for (xmlNode* c = n->children; c; c = c->next) children.push_back(c);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back({*it, false});
  }
}

void collect(xmlNode* root, Page& page) {
  // Metadata anywhere in the page: title, publication date.
  walk(
      root,
      [&](xmlNode* n) {
        if (named(n, "title") && page.title.empty()) {
          xmlChar* t = xmlNodeGetContent(n);
          if (t) page.title = reinterpret_cast<const char*>(t);
          xmlFree(t);
        }
        if (named(n, "meta") && page.published.empty()) {
          const std::string key = attribute(n, "property") + attribute(n, "name") + attribute(n, "itemprop");
          if (key == "article:published_time" || key == "datePublished" || key == "pubdate" || key == "date")
            page.published = attribute(n, "content").substr(0, 10);
        }
        if (named(n, "time") && page.published.empty()) page.published = attribute(n, "datetime").substr(0, 10);
        return true;
      },
      [](xmlNode*) {});
  // Text of the body, without scripts, styles and navigation.
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (n->content) page.text += reinterpret_cast<const char*>(n->content);
          return false;
        }
        const bool container = n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE ||
                               n->type == XML_HTML_DOCUMENT_NODE;
        return container && !is_dropped(n) && !named(n, "head") && !named(n, "title");
      },
      [&](xmlNode* n) {
        if (is_block(n) && !page.text.empty() && page.text.back() != '\n') page.text += '\n';
      });
}

// Collapses runs of spaces inside lines and of blank lines.
std::string tidy(const std::string& raw) {
  std::string out;
  bool space = false;
  int newlines = 0;
  for (char c : raw) {
    if (c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (c == '\n') {
      ++newlines;
      space = false;
      continue;
    }
    if (newlines) {
      if (!out.empty()) out += newlines > 1 ? "\n\n" : "\n";
    } else if (space && !out.empty()) {
      out += ' ';
    }
    newlines = 0;
    space = false;
    out += c;
  }
  return out.empty() ? out : out + "\n";
}

}  // namespace

Result<Document> parse_html(const std::string& uri, const std::string& bytes) {
  const std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> context(htmlNewParserCtxt(), htmlFreeParserCtxt);
  if (!context) return Result<Document>::failure(uri + ": out of memory for the HTML parser");
  htmlDocPtr doc = htmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), uri.c_str(), "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  // Past libxml2's depth limit the parser stops, and everything after that
  // point would be lost without a word: the page is refused instead.
  if (const xmlError* e = xmlCtxtGetLastError(context.get());
      e && e->code == XML_ERR_INTERNAL_ERROR && e->message && std::strstr(e->message, "Excessive depth")) {
    xmlFreeDoc(doc);
    return Result<Document>::failure(uri + ": line " + std::to_string(e->line) +
                                     ": elements nested deeper than the HTML parser's limit of 256; the text after "
                                     "that point would be lost, so the page is refused");
  }
  if (!doc) return Result<Document>::failure(uri + ": the HTML could not be parsed");
  Page page;
  collect(reinterpret_cast<xmlNode*>(doc), page);
  xmlFreeDoc(doc);
  const std::string text = tidy(page.text);
  if (text.empty())
    return Result<Document>::failure(uri + ": the HTML holds no text (only markup)");
  auto parsed = parse_document(uri, text);
  if (!parsed) return parsed;
  if (!page.title.empty()) parsed->title = tidy(page.title).substr(0, tidy(page.title).find('\n'));
  // A page's own date that is not a calendar day is dropped, not stored.
  if (is_publication_date(page.published)) parsed->published = page.published;
  else if (!page.published.empty()) spdlog::warn("{}: the page's date '{}' is not a date (YYYY-MM-DD); ignored", uri, page.published);
  return parsed;
}

}  // namespace bilik
