#pragma once

#include <string>

#include "vicapi/vim/managed_object.h"

namespace vic::vim {

// Datastore paths are "[datastore] folder/file". The datacenter is required
// by vCenter to know which datastore of that name is meant.
class FileManager : public ManagedObject {
 public:
  explicit FileManager(Client& client);

  // FileAlreadyExistsFault if it is there; FileNotFoundFault if a parent is
  // missing and createParents is false.
  void makeDirectory(const std::string& datastorePath, const Moref& datacenter,
                     bool createParents) const;
  // Recursive. FileNotFoundFault if there is nothing to delete.
  Task deleteDatastoreFile(const std::string& datastorePath, const Moref& datacenter) const;
};

std::string datastorePath(const std::string& datastore, const std::string& path);

}  // namespace vic::vim
