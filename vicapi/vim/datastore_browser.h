#pragma once

#include <string>
#include <vector>

#include "vicapi/vim/managed_object.h"

namespace vic::vim {

// A datastore's HostDatastoreBrowser: what is in a datastore folder.
class DatastoreBrowser {
 public:
  // `datastore` is the Datastore's reference; its browser is looked up once.
  DatastoreBrowser(Client& client, const Moref& datastore);
  // When the browser is known already (the inventory has it), no lookup; an
  // empty `browser` is looked up.
  DatastoreBrowser(Client& client, const Moref& datastore, const Moref& browser);

  // Names in "[ds] folder" matching any of `patterns` (shell globs).
  // FileNotFoundFault when the folder does not exist.
  std::vector<std::string> list(const std::string& datastorePath,
                                const std::vector<std::string>& patterns = {"*"}) const;
  // Whether "[ds] a/b" exists (file or folder).
  bool exists(const std::string& datastorePath) const;

 private:
  Client& client_;
  Moref browser_;
};

}  // namespace vic::vim
