#include "vicapi/vim/property_collector.h"

#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"

namespace vic::vim {

using soap::el;
using soap::Node;

const Node* ObjectContent::prop(std::string_view path) const {
  for (const auto& [name, val] : props)
    if (name == path) return &val;
  return nullptr;
}

std::string ObjectContent::text(std::string_view path, std::string fallback) const {
  const Node* n = prop(path);
  return n ? n->text : fallback;
}

PropertyCollector::PropertyCollector(Client& client)
    : client_(client), ref_(client.serviceContent().propertyCollector) {}

PropertyCollector::PropertyCollector(Client& client, Moref collector)
    : client_(client), ref_(std::move(collector)) {}

Node PropertyCollector::specNode(const std::vector<PropertySpec>& props,
                                 const std::vector<ObjectSpec>& objects, std::string elementName) {
  Node spec(std::move(elementName));
  for (const auto& p : props) {
    Node& ps = spec.add(el("propSet", {el("type", p.type)}));
    if (p.all) ps.add(soap::boolEl("all", true));
    for (const auto& path : p.paths)
      ps.add(el("pathSet", path));
  }
  for (const auto& o : objects) {
    Node& os = spec.add(el("objectSet", {o.obj.node("obj")}));
    if (o.skip) os.add(soap::boolEl("skip", true));
    for (const auto& t : o.selectSet) {
      Node& ts = os.add(soap::typed("TraversalSpec", el("selectSet", {el("name", t.name)})));
      ts.add(el("type", t.type));
      ts.add(el("path", t.path));
      ts.add(soap::boolEl("skip", t.skip));
      for (const auto& ref : t.selectSet)
        ts.add(el("selectSet", {el("name", ref)}));
    }
  }
  return spec;
}

ObjectContent readObjectContent(Node&& o) {
  ObjectContent oc;
  oc.props.reserve(o.children.size());
  for (Node& c : o.children) {
    if (c.name == "obj") {
      oc.obj = Moref::from(c);
    } else if (c.name == "propSet") {
      Node val("val");
      std::string name;
      for (Node& part : c.children) {
        if (part.name == "val") val = std::move(part);
        if (part.name == "name") name = std::move(part.text);
      }
      oc.props.emplace_back(std::move(name), std::move(val));
    } else if (c.name == "missingSet") {
      std::string type;
      if (const Node* f = c.find("fault"))
        if (const Node* inner = f->find("fault")) type = inner->xsiType;
      oc.missing.emplace_back(c.textOf("path"), type);
    }
  }
  return oc;
}

std::string readRetrieveResult(Node&& returnval, std::vector<ObjectContent>& out) {
  out.reserve(out.size() + returnval.children.size());
  for (Node& o : returnval.children)
    if (o.name == "objects") out.push_back(readObjectContent(std::move(o)));
  return returnval.textOf("token");
}

namespace {

// vcsim answers a request without a session with objects whose every property
// is "missing: NotAuthenticated"; vCenter sends a fault. Both become the fault.
void rejectUnauthenticatedObject(const Node& objects) {
  for (const Node* m : objects.all("missingSet")) {
    const Node* f = m->find("fault");
    const Node* inner = f ? f->find("fault") : nullptr;
    if (inner && inner->xsiType == "NotAuthenticated")
      soap::throwFault("RetrievePropertiesEx", "NotAuthenticated", "no session", *inner);
  }
}

void rejectUnauthenticated(const Node& response) {
  const Node* r = response.find("returnval");
  if (!r) return;
  for (const Node& o : r->children)
    if (o.name == "objects") rejectUnauthenticatedObject(o);
}

Node retrieveOptions(int maxObjects) {
  Node options("options");
  if (maxObjects > 0) options.add(soap::intEl("maxObjects", maxObjects));
  return options;
}

}  // namespace

std::vector<ObjectContent> PropertyCollector::retrieve(const std::vector<PropertySpec>& props,
                                                       const std::vector<ObjectSpec>& objects,
                                                       bool sensitive, int maxObjects) {
  std::vector<Node> args{specNode(props, objects), retrieveOptions(maxObjects)};

  auto take = [](Node& response, std::vector<ObjectContent>& into) {
    for (Node& c : response.children)
      if (c.name == "returnval") return readRetrieveResult(std::move(c), into);
    return std::string();
  };
  std::vector<ObjectContent> out;
  Node response = client_.invoke("RetrievePropertiesEx", ref_, std::move(args), sensitive,
                                 &rejectUnauthenticated);
  std::string token = take(response, out);
  while (!token.empty()) {
    response =
        client_.invoke("ContinueRetrievePropertiesEx", ref_, {el("token", token)}, sensitive);
    token = take(response, out);
  }
  return out;
}

void PropertyCollector::retrieveEach(const std::vector<PropertySpec>& props,
                                     const std::vector<ObjectSpec>& objects,
                                     const std::function<void(ObjectContent&&)>& each,
                                     int maxObjects) {
  auto onObject = [&each](Node&& o) {
    rejectUnauthenticatedObject(o);
    each(readObjectContent(std::move(o)));
  };
  auto token = [](const Node& response) {
    const Node* r = response.find("returnval");
    return r ? r->textOf("token") : std::string();
  };
  std::string next = token(client_.invokeStreamed(
      "RetrievePropertiesEx", ref_, {specNode(props, objects), retrieveOptions(maxObjects)},
      {"returnval", "objects"}, onObject));
  while (!next.empty())
    next = token(client_.invokeStreamed("ContinueRetrievePropertiesEx", ref_, {el("token", next)},
                                        {"returnval", "objects"}, onObject));
}

ObjectContent PropertyCollector::retrieveOne(const Moref& obj,
                                             const std::vector<std::string>& paths) {
  auto objects = retrieve({{obj.type, paths}}, {ObjectSpec{obj}});
  if (objects.empty()) {
    Node detail("obj");
    detail.text = obj.str();
    soap::throwFault("RetrievePropertiesEx", "ManagedObjectNotFound", obj.str() + " does not exist",
                     detail);
  }
  return std::move(objects.front());
}

}  // namespace vic::vim
