#include "vicapi/vim/property_collector.h"

#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"

namespace vic::vim {

using soap::el;
using soap::Node;

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

// Follows one retrieval's continuation tokens. vCenter pages by about a
// hundred objects and hands each token out once, so a server that repeats a
// token, or pages past what any inventory holds, is broken or hostile: the
// retrieval fails rather than running forever.
class Pages {
 public:
  // The next token to continue with, or empty at the end.
  std::string next(std::string token, std::size_t objectsSoFar) {
    tooMany(objectsSoFar);
    if (token.empty()) return token;
    if (++pages_ > kMaxRetrievalPages)
      throw ProtocolError("the property collector kept handing out continuation tokens past " +
                          std::to_string(kMaxRetrievalPages) + " pages");
    if (token == last_)
      throw ProtocolError("the property collector handed out the continuation token " + token +
                          " twice");
    last_ = token;
    return token;
  }

  static void tooMany(std::size_t objects) {
    if (objects > kMaxRetrievedObjects)
      throw ProtocolError("the property collector returned more than " +
                          std::to_string(kMaxRetrievedObjects) + " objects");
  }

 private:
  std::size_t pages_ = 0;
  std::string last_;
};

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
  Pages pages;
  Node response = client_.invoke("RetrievePropertiesEx", ref_, std::move(args), sensitive,
                                 &rejectUnauthenticated);
  std::string token = pages.next(take(response, out), out.size());
  while (!token.empty()) {
    response =
        client_.invoke("ContinueRetrievePropertiesEx", ref_, {el("token", token)}, sensitive);
    token = pages.next(take(response, out), out.size());
  }
  return out;
}

void PropertyCollector::retrieveEach(const std::vector<PropertySpec>& props,
                                     const std::vector<ObjectSpec>& objects,
                                     const std::function<void(ObjectContent&&)>& each,
                                     int maxObjects) {
  std::size_t seen = 0;
  auto onObject = [&each, &seen](Node&& o) {
    rejectUnauthenticatedObject(o);
    Pages::tooMany(++seen);
    each(readObjectContent(std::move(o)));
  };
  auto token = [](const Node& response) {
    const Node* r = response.find("returnval");
    return r ? r->textOf("token") : std::string();
  };
  Pages pages;
  std::string next = pages.next(
      token(client_.invokeStreamed("RetrievePropertiesEx", ref_,
                                   {specNode(props, objects), retrieveOptions(maxObjects)},
                                   {"returnval", "objects"}, onObject)),
      seen);
  while (!next.empty())
    next = pages.next(
        token(client_.invokeStreamed("ContinueRetrievePropertiesEx", ref_, {el("token", next)},
                                     {"returnval", "objects"}, onObject)),
        seen);
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
