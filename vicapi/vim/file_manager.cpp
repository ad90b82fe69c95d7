#include "vicapi/vim/file_manager.h"

#include "vicapi/vim/client.h"

namespace vic::vim {

FileManager::FileManager(Client& client)
    : ManagedObject(client, client.serviceContent().fileManager) {}

void FileManager::makeDirectory(const std::string& path, const Moref& datacenter,
                                bool createParents) const {
  call("MakeDirectory", {soap::el("name", path), datacenter.node("datacenter"),
                         soap::boolEl("createParentDirectories", createParents)});
}

Task FileManager::deleteDatastoreFile(const std::string& path, const Moref& datacenter) const {
  return startTask("DeleteDatastoreFile_Task",
                   {soap::el("name", path), datacenter.node("datacenter")});
}

std::string datastorePath(const std::string& datastore, const std::string& path) {
  return path.empty() ? "[" + datastore + "]" : "[" + datastore + "] " + path;
}

}  // namespace vic::vim
