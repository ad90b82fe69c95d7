#include "vicapi/vim/datastore_files.h"

#include <fstream>

#include <Poco/URI.h>

#include "vicapi/base/error.h"
#include "vicapi/vim/client.h"

namespace vic::vim {

DatastoreFiles::DatastoreFiles(Client& client, std::string datacenterPath,
                               std::string datastoreName)
    : client_(client),
      datacenter_(std::move(datacenterPath)),
      datastore_(std::move(datastoreName)) {
  if (!datacenter_.empty() && datacenter_.front() == '/') datacenter_.erase(0, 1);
}

std::string DatastoreFiles::pathAndQuery(const std::string& remotePath) const {
  Poco::URI uri;
  uri.setPath("/folder/" + remotePath);
  uri.addQueryParameter("dcPath", datacenter_);
  uri.addQueryParameter("dsName", datastore_);
  return uri.getPathAndQuery();
}

void DatastoreFiles::upload(const std::filesystem::path& local,
                            const std::string& remotePath) const {
  std::ifstream in(local, std::ios::binary);
  if (!in) throw UsageError("cannot read " + local.string());
  upload(in, std::filesystem::file_size(local), remotePath);
}

void DatastoreFiles::upload(std::istream& in, std::uint64_t length,
                            const std::string& remotePath) const {
  client_.transport().upload(pathAndQuery(remotePath), in, length);
}

void DatastoreFiles::download(const std::string& remotePath, std::ostream& out,
                              std::uint64_t maxBytes) const {
  client_.transport().download(pathAndQuery(remotePath), out, maxBytes);
}

void DatastoreFiles::download(const std::string& remotePath,
                              const std::filesystem::path& local) const {
  std::ofstream out(local, std::ios::binary | std::ios::trunc);
  if (!out) throw UsageError("cannot write " + local.string());
  download(remotePath, out);
}

}  // namespace vic::vim
