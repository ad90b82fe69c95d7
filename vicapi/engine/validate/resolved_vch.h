#pragma once

#include <map>
#include <string>
#include <vector>

#include "vicapi/engine/model/vch.h"
#include "vicapi/vim/moref.h"

namespace vic::engine {

// A port group as a NIC needs it.
struct ResolvedNetwork {
  vim::Moref ref;
  std::string name;
  std::string switchUuid;    // distributed port groups only
  std::string portgroupKey;  // distributed port groups only
  bool operator==(const ResolvedNetwork& o) const { return ref == o.ref; }
};

struct ResolvedVolumeStore {
  std::string label;
  bool nfs = false;
  std::string url;       // nfs://host/path, or ds://ds/path
  vim::Moref datastore;  // ds stores
  std::string datastoreName;
  std::string path;  // folder inside the datastore
  std::string datastorePath() const { return "[" + datastoreName + "] " + path; }
};

// A VCH specification checked against vCenter: the normalised model (defaults
// filled in, units canonical) and every vSphere object it names, resolved.
struct ResolvedVch {
  Vch vch;
  bool vcenter = true;
  vim::Moref datacenter;
  std::string datacenterPath;
  vim::Moref vmFolder;         // the datacenter's VM folder
  vim::Moref computeResource;  // what was asked for
  vim::Moref parentPool;       // where the VCH's pool goes
  vim::Moref owner;            // the cluster or standalone compute resource
  bool cluster = false;
  bool drsEnabled = false;
  std::vector<vim::Moref> hosts;
  vim::Moref imageDatastore;
  std::string imageDatastoreName;
  std::string imagePath;  // folder inside the datastore, "<name>" by default
  std::vector<ResolvedVolumeStore> volumeStores;
  // "bridge", "public", "client", "management"; container networks by alias.
  std::map<std::string, ResolvedNetwork> roles;
  std::map<std::string, ResolvedNetwork> containerNetworks;
};

}  // namespace vic::engine
