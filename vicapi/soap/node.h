#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vic::soap {

// One XML element of a SOAP body: the request we build and the response we
// read share this shape, because vSphere data is a tree of elements with an
// optional xsi:type and, for managed object references, a "type" attribute.
// xsiType is "xsd:<name>" for XML Schema built-ins and the bare name for
// urn:vim25 types, whatever prefixes the server used.
struct Node {
  std::string name;
  std::string xsiType;
  std::string typeAttr;
  std::string text;
  std::vector<Node> children;
  bool secret = false;  // masked when the tree is written for a log

  Node() = default;
  explicit Node(std::string n) : name(std::move(n)) {}

  Node& add(Node child) {
    children.push_back(std::move(child));
    return children.back();
  }

  // Reading helpers; a missing element is normal in vSphere data (unset
  // properties are simply absent), so find() returns null rather than throwing.
  const Node* find(std::string_view childName) const;
  const Node& at(std::string_view childName) const;  // throws ProtocolError
  std::string textOf(std::string_view childName, std::string fallback = {}) const;
  std::vector<const Node*> all(std::string_view childName) const;
};

// Building helpers, so request code reads like the WSDL it follows.
Node el(std::string name, std::string text);
Node el(std::string name, std::initializer_list<Node> children);
Node el(std::string name, std::vector<Node> children);
Node typed(std::string xsiType, Node node);
Node secretEl(std::string name, std::string text);
Node boolEl(std::string name, bool value);
Node intEl(std::string name, long long value);

// Serialises one element (and its subtree). With maskSecrets, the text of
// secret elements is replaced so that the result is fit for a log.
void writeXml(std::string& out, const Node& node, bool maskSecrets);

// Parses a document and returns its root element. Throws ProtocolError with
// the parser's message when the text is not well-formed XML.
Node parseXml(std::string_view xml);

// Parses a document fed in pieces. Each completed element whose path of names
// from the root is `path` (Envelope, Body, RetrievePropertiesExResponse,
// returnval, objects) goes to `onElement` and is dropped from the tree, so a
// long answer is never whole in memory. An exception from `onElement` stops
// the parse and comes out of feed() or finish().
class StreamingParser {
 public:
  StreamingParser(std::vector<std::string> path, std::function<void(Node&&)> onElement);
  ~StreamingParser();
  void feed(std::string_view chunk);
  Node finish();  // the rest of the document

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vic::soap
