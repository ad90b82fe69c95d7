#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace vic::vim {

class Client;

// File transfer through vCenter's datastore HTTP interface
// (https://<vc>/folder/<path>?dcPath=<datacenter>&dsName=<datastore>), on the
// client's own connections and session. Files are streamed in both directions.
class DatastoreFiles {
 public:
  // datacenterPath is the datacenter's inventory path without the leading
  // slash ("DC0", or "Folder/DC0" when it sits in a folder).
  DatastoreFiles(Client& client, std::string datacenterPath, std::string datastoreName);

  void upload(const std::filesystem::path& local, const std::string& remotePath) const;
  void upload(std::istream& in, std::uint64_t length, const std::string& remotePath) const;
  // A file longer than `maxBytes` fails with ProtocolError.
  void download(const std::string& remotePath, std::ostream& out,
                std::uint64_t maxBytes = UINT64_MAX) const;
  void download(const std::string& remotePath, const std::filesystem::path& local) const;

  std::string pathAndQuery(const std::string& remotePath) const;

 private:
  Client& client_;
  std::string datacenter_;
  std::string datastore_;
};

}  // namespace vic::vim
