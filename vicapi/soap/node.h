#pragma once

#include <initializer_list>
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
  ~Node();
  Node(const Node&) = default;
  Node(Node&&) noexcept = default;
  Node& operator=(const Node&) = default;
  Node& operator=(Node&&) noexcept = default;

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

// extraConfig entries whose value is a secret: keys that end in "@secret"
// (sealed passwords and keys) and the key they are sealed with. Their values
// are masked wherever a tree is written for a log.
inline constexpr const char* kSecretOptionSuffix = "@secret";
inline constexpr const char* kSealingKeyOption = "guestinfo.ovfEnv";
bool isSecretOptionKey(std::string_view key);

// Serialises one element (and its subtree). With maskSecrets, the text of
// secret elements, and the values of secret extraConfig entries, are
// replaced so that the result is fit for a log.
void writeXml(std::string& out, const Node& node, bool maskSecrets);

}  // namespace vic::soap
