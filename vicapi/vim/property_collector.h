#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/object_content.h"

namespace vic::vim {

class Client;

struct PropertySpec {
  std::string type;
  std::vector<std::string> paths;
  bool all = false;
};

// A traversal step; selectSet names other TraversalSpecs of the same filter,
// which is how recursive walks (folders within folders) are written.
struct TraversalSpec {
  std::string name;
  std::string type;
  std::string path;
  bool skip = false;
  std::vector<std::string> selectSet;
};

struct ObjectSpec {
  Moref obj;
  bool skip = false;
  std::vector<TraversalSpec> selectSet;
};

// Where a retrieval stops believing the server (ProtocolError): vCenter's
// largest inventories hold a few hundred thousand objects, in pages of about
// a hundred.
inline constexpr std::size_t kMaxRetrievalPages = 2000;
inline constexpr std::size_t kMaxRetrievedObjects = 500'000;

// The session's property collector. retrieve() follows continuation tokens,
// so a caller always gets every object; without maxObjects the server picks
// the page size (vcsim sends everything at once, vCenter pages by itself).
class PropertyCollector {
 public:
  explicit PropertyCollector(Client& client);
  PropertyCollector(Client& client, Moref collector);

  std::vector<ObjectContent> retrieve(const std::vector<PropertySpec>& props,
                                      const std::vector<ObjectSpec>& objects,
                                      bool sensitive = false, int maxObjects = 0);

  // Like retrieve(), but each object goes to `each` as it arrives, so that a
  // caller keeps only what it needs of a long result. Not for secrets.
  void retrieveEach(const std::vector<PropertySpec>& props, const std::vector<ObjectSpec>& objects,
                    const std::function<void(ObjectContent&&)>& each, int maxObjects = 0);

  // One object's properties; throws ManagedObjectNotFoundFault if it is gone.
  ObjectContent retrieveOne(const Moref& obj, const std::vector<std::string>& paths);

  const Moref& ref() const { return ref_; }

  // A PropertyFilterSpec: RetrievePropertiesEx calls it "specSet",
  // CreateFilter calls it "spec".
  static soap::Node specNode(const std::vector<PropertySpec>& props,
                             const std::vector<ObjectSpec>& objects,
                             std::string elementName = "specSet");

 private:
  Client& client_;
  Moref ref_;
};

}  // namespace vic::vim
