#include "vicapi/vim/extension_manager.h"

#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

using soap::el;
using soap::Node;

namespace {

Node descriptionNode(const ExtensionDescription& d) {
  return el("description", {el("label", d.label), el("summary", d.summary)});
}

ExtensionDescription descriptionFrom(const Node* n) {
  if (!n) return {};
  return {n->textOf("label"), n->textOf("summary")};
}

}  // namespace

Node Extension::node(std::string elementName) const {
  // WSDL order: description, key, company, type, version, subjectName,
  // server, client, ..., lastHeartbeatTime, ..., shownInSolutionManager.
  Node n = el(std::move(elementName), {descriptionNode(description), el("key", key)});
  if (!company.empty()) n.add(el("company", company));
  if (!type.empty()) n.add(el("type", type));
  n.add(el("version", version));
  for (const auto& s : servers) {
    Node& sn = n.add(el("server", {el("url", s.url), descriptionNode(s.description),
                                   el("company", s.company), el("type", s.type)}));
    for (const auto& mail : s.adminEmail)
      sn.add(el("adminEmail", mail));
    if (!s.serverThumbprint.empty()) sn.add(el("serverThumbprint", s.serverThumbprint));
  }
  for (const auto& c : clients) {
    n.add(el("client", {el("version", c.version), descriptionNode(c.description),
                        el("company", c.company), el("type", c.type), el("url", c.url)}));
  }
  n.add(el("lastHeartbeatTime",
           lastHeartbeatTime.empty() ? "1970-01-01T00:00:00Z" : lastHeartbeatTime));
  n.add(soap::boolEl("shownInSolutionManager", shownInSolutionManager));
  return n;
}

Extension Extension::from(const Node& n) {
  Extension x;
  x.description = descriptionFrom(n.find("description"));
  x.key = n.textOf("key");
  x.company = n.textOf("company");
  x.type = n.textOf("type");
  x.version = n.textOf("version");
  x.lastHeartbeatTime = n.textOf("lastHeartbeatTime");
  x.shownInSolutionManager = n.textOf("shownInSolutionManager") == "true";
  for (const Node* s : n.all("server")) {
    ExtensionServerInfo info{s->textOf("url"),
                             descriptionFrom(s->find("description")),
                             s->textOf("company"),
                             s->textOf("type"),
                             {},
                             s->textOf("serverThumbprint")};
    for (const Node* mail : s->all("adminEmail"))
      info.adminEmail.push_back(mail->text);
    x.servers.push_back(std::move(info));
  }
  for (const Node* c : n.all("client")) {
    x.clients.push_back({c->textOf("version"), descriptionFrom(c->find("description")),
                         c->textOf("company"), c->textOf("type"), c->textOf("url")});
  }
  return x;
}

ExtensionManager::ExtensionManager(Client& client)
    : ManagedObject(client, client.serviceContent().extensionManager) {}

void ExtensionManager::registerExtension(const Extension& extension) const {
  call("RegisterExtension", {extension.node()});
}

void ExtensionManager::updateExtension(const Extension& extension) const {
  call("UpdateExtension", {extension.node()});
}

void ExtensionManager::unregisterExtension(const std::string& key) const {
  call("UnregisterExtension", {el("extensionKey", key)});
}

std::optional<Extension> ExtensionManager::findExtension(const std::string& key) const {
  auto r = call("FindExtension", {el("extensionKey", key)});
  const Node* v = r.find("returnval");
  if (!v || v->children.empty()) return std::nullopt;
  return Extension::from(*v);
}

std::vector<Extension> ExtensionManager::list() const {
  auto obj = PropertyCollector(client()).retrieveOne(ref(), {"extensionList"});
  std::vector<Extension> out;
  if (const Node* v = obj.prop("extensionList"))
    for (const Node& x : v->children)
      out.push_back(Extension::from(x));
  return out;
}

}  // namespace vic::vim
