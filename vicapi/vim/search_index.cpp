#include "vicapi/vim/search_index.h"

#include "vicapi/vim/client.h"

namespace vic::vim {

SearchIndex::SearchIndex(Client& client)
    : ManagedObject(client, client.serviceContent().searchIndex) {}

std::optional<Moref> SearchIndex::findByInventoryPath(const std::string& path) const {
  auto r = call("FindByInventoryPath", {soap::el("inventoryPath", path)});
  const soap::Node* v = r.find("returnval");
  if (!v || v->text.empty()) return std::nullopt;
  return Moref::from(*v);
}

}  // namespace vic::vim
