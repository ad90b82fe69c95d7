#include "vicapi/soap/node.h"

#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include <expat.h>
#include <openssl/rand.h>

#include "vicapi/soap/errors.h"

namespace vic::soap {

namespace {

constexpr const char* kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
constexpr const char* kXsdNamespace = "http://www.w3.org/2001/XMLSchema";
constexpr const char* kMask = "********";

// Appends text with the five XML special characters escaped. The writer is
// our own because Poco's XMLWriter pushes every character through a stream
// converter: 7 us for a small request, against well under 1 us here, and it
// runs on every vSphere call.
void appendEscaped(std::string& out, std::string_view text) {
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* rep = nullptr;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&apos;";
        break;
      default:
        continue;
    }
    out.append(text.data() + plain, i - plain);
    out.append(rep);
    plain = i + 1;
  }
  out.append(text.data() + plain, text.size() - plain);
}

void writeNode(std::string& out, const Node& n, bool maskSecrets) {
  out += '<';
  out += n.name;
  if (!n.xsiType.empty()) {
    out += " xsi:type=\"";
    appendEscaped(out, n.xsiType);
    out += '"';
  }
  if (!n.typeAttr.empty()) {
    out += " type=\"";
    appendEscaped(out, n.typeAttr);
    out += '"';
  }
  if (n.text.empty() && n.children.empty()) {
    out += "/>";
    return;
  }
  out += '>';
  appendEscaped(out, maskSecrets && n.secret ? std::string_view(kMask) : std::string_view(n.text));
  for (const auto& c : n.children)
    writeNode(out, c, maskSecrets);
  out += "</";
  out += n.name;
  out += '>';
}

// Builds Nodes from expat's callbacks. Namespace processing is on so that
// xsi:type is found by its namespace URI, whatever its prefix (vcsim writes
// "XMLSchema-instance:type"). expat is used directly rather than through
// Poco's SAX layer because that layer copies every name into new strings and
// doubled the parse time of a typical vSphere response.
class TreeBuilder {
 public:
  static constexpr char kSep = '\x01';  // separates namespace URI and local name

  Node root;

  static void onStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<TreeBuilder*>(self)->start(name, attrs);
  }
  static void onEnd(void* self, const XML_Char*) { static_cast<TreeBuilder*>(self)->end(); }
  static void onText(void* self, const XML_Char* s, int len) {
    auto* b = static_cast<TreeBuilder*>(self);
    if (!b->stack_.empty()) b->stack_.back()->text.append(s, static_cast<std::size_t>(len));
  }

  // Elements at `streamPath` are handed to `onStreamed` as they complete and
  // dropped from the tree. An exception from it is kept for the caller to
  // rethrow once expat has returned: it must not unwind through C code.
  std::vector<std::string> streamPath;
  std::function<void(Node&&)> onStreamed;
  std::exception_ptr failure;
  XML_Parser parser = nullptr;
  static void onNamespaceStart(void* self, const XML_Char* prefix, const XML_Char* uri) {
    static_cast<TreeBuilder*>(self)->prefixes_.emplace_back(prefix ? prefix : "", uri ? uri : "");
  }
  static void onNamespaceEnd(void* self, const XML_Char* prefix) {
    auto& p = static_cast<TreeBuilder*>(self)->prefixes_;
    std::string_view want = prefix ? prefix : "";
    for (auto it = p.rbegin(); it != p.rend(); ++it) {
      if (it->first == want) {
        p.erase(std::next(it).base());
        break;
      }
    }
  }

 private:
  static std::string_view localPart(std::string_view expanded) {
    auto sep = expanded.rfind(kSep);
    return sep == std::string_view::npos ? expanded : expanded.substr(sep + 1);
  }

  void end() {
    if (onStreamed && !failure && stack_.size() == streamPath.size() && stack_.size() >= 2 &&
        onPath()) {
      Node done = std::move(stack_[stack_.size() - 2]->children.back());
      stack_[stack_.size() - 2]->children.pop_back();
      stack_.pop_back();
      try {
        onStreamed(std::move(done));
      } catch (...) {
        failure = std::current_exception();
        XML_StopParser(parser, XML_FALSE);
      }
      return;
    }
    stack_.pop_back();
  }

  bool onPath() const {
    for (std::size_t i = 0; i < stack_.size(); ++i)
      if (stack_[i]->name != streamPath[i]) return false;
    return true;
  }

  void start(const XML_Char* name, const XML_Char** attrs) {
    Node* n;
    if (stack_.empty()) {
      root = Node(std::string(localPart(name)));
      n = &root;
    } else {
      n = &stack_.back()->add(Node(std::string(localPart(name))));
    }
    for (int i = 0; attrs[i]; i += 2) {
      std::string_view attr = attrs[i];
      if (attr == kXsiType) {
        n->xsiType = normaliseType(attrs[i + 1]);
      } else if (attr == "type") {
        n->typeAttr = attrs[i + 1];
      }
    }
    stack_.push_back(n);  // stays valid: a node's children only grow while it is the top
  }

  std::string normaliseType(std::string_view qname) const {
    auto colon = qname.find(':');
    if (colon == std::string_view::npos) return std::string(qname);
    std::string_view prefix = qname.substr(0, colon);
    std::string_view local = qname.substr(colon + 1);
    for (auto it = prefixes_.rbegin(); it != prefixes_.rend(); ++it) {
      if (it->first == prefix)
        return it->second == kXsdNamespace ? "xsd:" + std::string(local) : std::string(local);
    }
    return prefix == "xsd" ? "xsd:" + std::string(local) : std::string(local);
  }

  static inline const std::string kXsiType = std::string(kXsiNamespace) + kSep + "type";
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<Node*> stack_;
};

}  // namespace

const Node* Node::find(std::string_view childName) const {
  for (const auto& c : children)
    if (c.name == childName) return &c;
  return nullptr;
}

const Node& Node::at(std::string_view childName) const {
  if (const Node* c = find(childName)) return *c;
  throw ProtocolError("the server's answer has no <" + std::string(childName) + "> in <" + name +
                      ">");
}

std::string Node::textOf(std::string_view childName, std::string fallback) const {
  const Node* c = find(childName);
  return c ? c->text : fallback;
}

std::vector<const Node*> Node::all(std::string_view childName) const {
  std::vector<const Node*> out;
  for (const auto& c : children)
    if (c.name == childName) out.push_back(&c);
  return out;
}

Node el(std::string name, std::string text) {
  Node n(std::move(name));
  n.text = std::move(text);
  return n;
}

Node el(std::string name, std::initializer_list<Node> children) {
  Node n(std::move(name));
  n.children.assign(children.begin(), children.end());
  return n;
}

Node el(std::string name, std::vector<Node> children) {
  Node n(std::move(name));
  n.children = std::move(children);
  return n;
}

Node typed(std::string xsiType, Node node) {
  node.xsiType = std::move(xsiType);
  return node;
}

Node secretEl(std::string name, std::string text) {
  Node n = el(std::move(name), std::move(text));
  n.secret = true;
  return n;
}

Node boolEl(std::string name, bool value) {
  return el(std::move(name), value ? "true" : "false");
}

Node intEl(std::string name, long long value) {
  return el(std::move(name), std::to_string(value));
}

void writeXml(std::string& out, const Node& node, bool maskSecrets) {
  writeNode(out, node, maskSecrets);
}

namespace {

void attach(XML_Parser parser, TreeBuilder& builder) {
  builder.parser = parser;
  XML_SetUserData(parser, &builder);
  XML_SetElementHandler(parser, &TreeBuilder::onStart, &TreeBuilder::onEnd);
  XML_SetCharacterDataHandler(parser, &TreeBuilder::onText);
  XML_SetNamespaceDeclHandler(parser, &TreeBuilder::onNamespaceStart, &TreeBuilder::onNamespaceEnd);
  XML_SetReturnNSTriplet(parser, XML_FALSE);
}

void parseChunk(XML_Parser parser, TreeBuilder& builder, std::string_view chunk, bool last) {
  const auto status =
      XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
  if (builder.failure) std::rethrow_exception(builder.failure);
  if (status != XML_STATUS_OK) {
    throw ProtocolError(std::string("the server's answer is not well-formed XML: ") +
                        XML_ErrorString(XML_GetErrorCode(parser)) + " at line " +
                        std::to_string(XML_GetCurrentLineNumber(parser)));
  }
}

}  // namespace

Node parseXml(std::string_view xml) {
  // Creating an expat parser costs about as much as parsing a small answer,
  // so each thread keeps one and resets it between documents.
  thread_local std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
      XML_ParserCreateNS("UTF-8", TreeBuilder::kSep), &XML_ParserFree);
  // Resetting draws a fresh hash salt from getrandom(), a system call per
  // document; a random salt per thread keeps the protection without it.
  thread_local const unsigned long salt = [] {
    unsigned long v = 0;
    RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v);
    return v;
  }();
  XML_ParserReset(parser.get(), "UTF-8");
  XML_SetHashSalt(parser.get(), salt);
  TreeBuilder builder;
  attach(parser.get(), builder);
  parseChunk(parser.get(), builder, xml, true);
  return std::move(builder.root);
}

struct StreamingParser::State {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser{
      XML_ParserCreateNS("UTF-8", TreeBuilder::kSep), &XML_ParserFree};
  TreeBuilder builder;
};

StreamingParser::StreamingParser(std::vector<std::string> path,
                                 std::function<void(Node&&)> onElement)
    : state_(std::make_unique<State>()) {
  state_->builder.streamPath = std::move(path);
  state_->builder.onStreamed = std::move(onElement);
  attach(state_->parser.get(), state_->builder);
}

StreamingParser::~StreamingParser() = default;

void StreamingParser::feed(std::string_view chunk) {
  parseChunk(state_->parser.get(), state_->builder, chunk, false);
}

Node StreamingParser::finish() {
  parseChunk(state_->parser.get(), state_->builder, {}, true);
  return std::move(state_->builder.root);
}

}  // namespace vic::soap
