#include "vicapi/soap/node.h"

#include "vicapi/net/errors.h"

namespace vic::soap {

namespace {

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

// An OptionValue (an extraConfig entry) whose value is a secret.
bool holdsSecretOption(const Node& n) {
  const Node* key = n.find("key");
  return key && n.find("value") && isSecretOptionKey(key->text);
}

void writeNode(std::string& out, const Node& n, bool maskSecrets, bool maskText = false) {
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
  const bool masked = maskSecrets && (n.secret || maskText);
  appendEscaped(out, masked ? std::string_view(kMask) : std::string_view(n.text));
  const bool secretOption = maskSecrets && holdsSecretOption(n);
  for (const auto& c : n.children)
    writeNode(out, c, maskSecrets, secretOption && c.name == "value");
  out += "</";
  out += n.name;
  out += '>';
}

}  // namespace

bool isSecretOptionKey(std::string_view key) {
  constexpr std::string_view suffix = kSecretOptionSuffix;
  return key == kSealingKeyOption ||
         (key.size() >= suffix.size() && key.substr(key.size() - suffix.size()) == suffix);
}

namespace {
// How deep the destructor is recursing on this thread.
thread_local int freeingDepth = 0;
}  // namespace

// A tree of any real answer's depth is freed the ordinary way, by
// recursion; below 64 levels, what is left is freed level by level instead,
// so that no tree, however deep a server made it, can exhaust the stack.
Node::~Node() {
  if (children.empty()) return;
  if (freeingDepth < 64) {
    ++freeingDepth;
    children.clear();
    --freeingDepth;
    return;
  }
  std::vector<Node> pending = std::move(children);
  while (!pending.empty()) {
    Node last = std::move(pending.back());
    pending.pop_back();
    for (auto& c : last.children)
      pending.push_back(std::move(c));
    last.children.clear();  // each moved-from child is now a leaf
  }
}

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

}  // namespace vic::soap
