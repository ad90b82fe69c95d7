#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/vim/inventory.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

class Client;

// What the administrator is naming; decides which types qualify and which
// datacenter folder relative paths start from.
enum class Kind {
  Datacenter,
  Compute,
  ResourcePool,
  Host,
  Datastore,
  Network,
  VirtualMachine,
  VmFolder
};

std::string kindName(Kind kind);
const std::vector<std::string>& kindTypes(Kind kind);

// Resolves what people type into references, the way govmomi's finder does:
// a "Type:value" reference, an absolute inventory path ("/DC0/host/DC0_C0"),
// a path relative to the datacenter's folder for that kind ("DC0_C0/Resources"),
// or a plain name when it is unique. Errors say what was looked for, where,
// and what exists instead.
class Finder {
 public:
  explicit Finder(Client& client);

  // "" picks the only datacenter; more than one is an error listing them.
  Moref datacenter(const std::string& what = "");
  Moref find(Kind kind, const std::string& what, const std::optional<Moref>& datacenter);

  // Loaded once on first use; paths and names come from here.
  const Inventory& inventory();
  void refresh() { inventory_.reset(); }

 private:
  std::optional<Moref> byPath(const std::string& path);
  Moref checked(Kind kind, const Moref& ref, const std::string& what);

  Client& client_;
  std::optional<Inventory> inventory_;
};

}  // namespace vic::vim
