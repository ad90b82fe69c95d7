#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "daemon/endpoint_config.h"
#include "vicapi/soap/node.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/property_collector.h"

namespace vic::endpoint {

// "[ds] a/b" split into its datastore and its path.
struct DatastorePath {
  std::string datastore;
  std::string path;
  static DatastorePath parse(const std::string& text);  // throws Error when it is not one
  std::string str() const { return "[" + datastore + "] " + path; }
  DatastorePath child(const std::string& name) const;
};

// The daemon's session with vCenter, as the VCH's operations user, and the
// references every request needs, resolved once when it starts (they are
// facts about the VCH, not state: a second daemon resolves the same).
class VchWorld {
 public:
  explicit VchWorld(const EndpointConfig& config);
  ~VchWorld();

  vim::Client& client() { return *client_; }
  const EndpointConfig& config() const { return config_; }
  const vim::Moref& vchVm() const { return config_.vchVm; }
  const vim::Moref& pool() const { return pool_; }
  const vim::Moref& vmFolder() const { return vmFolder_; }
  const vim::Moref& datacenter() const { return datacenter_; }
  // Selects every VM in the VCH's pool (and pools below it) for one
  // RetrievePropertiesEx: a traversal, not a view, because a view made once
  // does not see VMs created after it on every server (vcsim's do not).
  vim::ObjectSpec poolVms() const;

  // The datacenter's datastores by name (a fact read once: stores, space).
  const std::map<std::string, vim::Moref>& datastores() const { return datastores_; }

  // The VCH's image store folder, "[ds] vch-1".
  const DatastorePath& imageStore() const { return imageStore_; }
  // File transfer on a datastore of the VCH's datacenter.
  vim::DatastoreFiles files(const std::string& datastore);

  // Records in the endpoint VM the version of this daemon, for the
  // appliance's lists and version checks (it cannot reach a Docker API that
  // wants client certificates).
  void publishDaemonVersion();

  // The NIC container VMs get on the bridge network (empty when the VCH has
  // no bridge network recorded); a device to add, with key -100.
  const std::optional<soap::Node>& bridgeNic() const { return bridgeNic_; }

 private:
  EndpointConfig config_;
  std::unique_ptr<vim::Client> client_;
  vim::Moref pool_;
  vim::Moref vmFolder_;
  vim::Moref datacenter_;
  std::string datacenterPath_;
  DatastorePath imageStore_;
  std::map<std::string, vim::Moref> datastores_;
  std::optional<soap::Node> bridgeNic_;
};

}  // namespace vic::endpoint
