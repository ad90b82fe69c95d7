#include "vicapi/soap/xml_reader.h"

#include <exception>

#include <expat.h>
#include <openssl/rand.h>

#include "vicapi/net/errors.h"

namespace vic::soap {

namespace {

constexpr const char* kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
constexpr const char* kXsdNamespace = "http://www.w3.org/2001/XMLSchema";

std::string mib(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

// Builds Nodes from expat's callbacks. Namespace processing is on so that
// xsi:type is found by its namespace URI, whatever its prefix (vcsim writes
// "XMLSchema-instance:type"). expat is used directly rather than through
// Poco's SAX layer because that layer copies every name into new strings and
// doubled the parse time of a typical vSphere response.
class TreeBuilder {
 public:
  static constexpr char kSep = '\x01';  // separates namespace URI and local name

  explicit TreeBuilder(const ParseLimits& limits) : limits_(limits) {}

  Node root;

  // Elements at `streamPath` are handed to `onStreamed` as they complete and
  // dropped from the tree. An exception from it, or a limit passed, is kept
  // for the caller to rethrow once expat has returned: it must not unwind
  // through C code.
  std::vector<std::string> streamPath;
  std::function<void(Node&&)> onStreamed;
  std::exception_ptr failure;
  XML_Parser parser = nullptr;

  static void onStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    static_cast<TreeBuilder*>(self)->start(name, attrs);
  }
  static void onEnd(void* self, const XML_Char*) { static_cast<TreeBuilder*>(self)->end(); }
  static void onText(void* self, const XML_Char* s, int len) {
    auto* b = static_cast<TreeBuilder*>(self);
    if (b->failure || b->stack_.empty()) return;
    if (!b->hold(0, static_cast<std::size_t>(len))) return;
    b->stack_.back()->text.append(s, static_cast<std::size_t>(len));
  }
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
  // SOAP forbids document types; refusing them also rules out entity tricks.
  static void onDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<TreeBuilder*>(self)->fail(
        "the answer declares a document type, which SOAP forbids");
  }

 private:
  void fail(const std::string& why) {
    if (!failure) failure = std::make_exception_ptr(ProtocolError(why));
    XML_StopParser(parser, XML_FALSE);
  }

  // Counts what is about to be held; false (and the parse stopped) when that
  // goes past the limits.
  bool hold(std::size_t elements, std::size_t bytes) {
    heldElements_ += elements;
    heldBytes_ += bytes;
    if (heldElements_ > limits_.maxElements)
      fail("the answer holds more than " + std::to_string(limits_.maxElements) + " elements");
    else if (heldBytes_ > limits_.maxTextBytes)
      fail("the answer is larger than " + mib(limits_.maxTextBytes));
    return !failure;
  }

  static std::string_view localPart(std::string_view expanded) {
    auto sep = expanded.rfind(kSep);
    return sep == std::string_view::npos ? expanded : expanded.substr(sep + 1);
  }

  bool streaming() const {
    return onStreamed && stack_.size() == streamPath.size() && stack_.size() >= 2 && onPath();
  }

  void end() {
    if (failure) return;
    if (streaming()) {
      Node done = std::move(stack_[stack_.size() - 2]->children.back());
      stack_[stack_.size() - 2]->children.pop_back();
      stack_.pop_back();
      // Everything held since it began was inside it, and has gone with it.
      heldElements_ = elementsBeforeStreamed_;
      heldBytes_ = bytesBeforeStreamed_;
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
    if (failure) return;
    if (stack_.size() >= limits_.maxDepth)
      return fail("the answer is nested deeper than " + std::to_string(limits_.maxDepth) +
                  " elements");
    const std::string_view local = localPart(name);
    std::size_t bytes = local.size();
    for (int i = 0; attrs[i]; i += 2)
      bytes += std::char_traits<char>::length(attrs[i + 1]);
    const std::size_t elementsBefore = heldElements_, bytesBefore = heldBytes_;
    if (!hold(1, bytes)) return;
    Node* n;
    if (stack_.empty()) {
      root = Node(std::string(local));
      n = &root;
    } else {
      n = &stack_.back()->add(Node(std::string(local)));
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
    if (streaming()) {
      elementsBeforeStreamed_ = elementsBefore;
      bytesBeforeStreamed_ = bytesBefore;
    }
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
  const ParseLimits limits_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<Node*> stack_;
  std::size_t heldElements_ = 0;
  std::size_t heldBytes_ = 0;
  std::size_t elementsBeforeStreamed_ = 0;
  std::size_t bytesBeforeStreamed_ = 0;
};

void attach(XML_Parser parser, TreeBuilder& builder) {
  builder.parser = parser;
  XML_SetUserData(parser, &builder);
  XML_SetElementHandler(parser, &TreeBuilder::onStart, &TreeBuilder::onEnd);
  XML_SetCharacterDataHandler(parser, &TreeBuilder::onText);
  XML_SetNamespaceDeclHandler(parser, &TreeBuilder::onNamespaceStart, &TreeBuilder::onNamespaceEnd);
  XML_SetStartDoctypeDeclHandler(parser, &TreeBuilder::onDoctype);
  XML_SetReturnNSTriplet(parser, XML_FALSE);
}

void parseChunk(XML_Parser parser, TreeBuilder& builder, std::string_view chunk, bool last) {
  const auto status =
      XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
  if (builder.failure) std::rethrow_exception(builder.failure);
  if (status != XML_STATUS_OK) {
    throw ProtocolError(std::string("the answer is not well-formed XML: ") +
                        XML_ErrorString(XML_GetErrorCode(parser)) + " at line " +
                        std::to_string(XML_GetCurrentLineNumber(parser)));
  }
}

using ParserHandle = std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)>;

// Creating an expat parser costs about as much as parsing a small answer, so
// each thread keeps one for the documents it parses whole, and resets it
// between them.
XML_Parser threadParser() {
  thread_local ParserHandle parser(XML_ParserCreateNS("UTF-8", TreeBuilder::kSep), &XML_ParserFree);
  // Resetting draws a fresh hash salt from getrandom(), a system call per
  // document; a random salt per thread keeps the protection without it.
  thread_local const unsigned long salt = [] {
    unsigned long v = 0;
    RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v);
    return v;
  }();
  XML_ParserReset(parser.get(), "UTF-8");
  XML_SetHashSalt(parser.get(), salt);
  return parser.get();
}

}  // namespace

Node parseXml(std::string_view xml, const ParseLimits& limits) {
  XML_Parser parser = threadParser();
  TreeBuilder builder(limits);
  attach(parser, builder);
  parseChunk(parser, builder, xml, true);
  return std::move(builder.root);
}

Node readXml(std::istream& in, std::uint64_t maxBytes, const ParseLimits& limits) {
  XML_Parser parser = threadParser();
  TreeBuilder builder(limits);
  attach(parser, builder);
  char chunk[16 * 1024];
  std::uint64_t total = 0;
  while (in) {
    in.read(chunk, sizeof chunk);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    total += n;
    if (total > maxBytes) throw ProtocolError("the answer is larger than " + mib(maxBytes));
    parseChunk(parser, builder, std::string_view(chunk, n), false);
  }
  parseChunk(parser, builder, {}, true);
  return std::move(builder.root);
}

struct StreamingParser::State {
  explicit State(const ParseLimits& limits) : builder(limits) {}
  ParserHandle parser{XML_ParserCreateNS("UTF-8", TreeBuilder::kSep), &XML_ParserFree};
  TreeBuilder builder;
};

StreamingParser::StreamingParser(std::vector<std::string> path,
                                 std::function<void(Node&&)> onElement, const ParseLimits& limits)
    : state_(std::make_unique<State>(limits)) {
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
