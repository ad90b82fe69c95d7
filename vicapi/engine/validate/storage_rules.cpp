// storage.*: image store, volume stores, base image size.
#include <set>

#include "vicapi/base/error.h"
#include "vicapi/engine/validate/context.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/datastore_browser.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

struct DatastoreRef {
  std::string name;
  std::string path;
};

// "ds://name/path", "name/path" or "name"; nullopt with an issue when bad.
std::optional<DatastoreRef> splitDatastore(ValidationContext& c, const std::string& path,
                                           std::string text) {
  if (text.rfind("ds://", 0) == 0) text = text.substr(5);
  if (text.find("://") != std::string::npos) {
    c.issues.add(
        path,
        "\"" + text +
            "\" is not a datastore; write ds://<datastore>[/<folder>] or <datastore>[/<folder>]");
    return std::nullopt;
  }
  while (!text.empty() && text.back() == '/')
    text.pop_back();
  auto slash = text.find('/');
  DatastoreRef r{text.substr(0, slash), slash == std::string::npos ? "" : text.substr(slash + 1)};
  if (r.name.empty()) {
    c.issues.add(path, "names no datastore; write ds://<datastore>[/<folder>]");
    return std::nullopt;
  }
  char bad = 0;
  std::string check = r.name;
  if (hasForbiddenCharacter(check, &bad) && bad != '/' && bad != ':') {
    c.issues.add(path,
                 std::string("the datastore name contains '") + bad + "', which is not allowed");
    return std::nullopt;
  }
  return r;
}

// Whether a host of the VCH's compute resource can reach the datastore.
const std::vector<vim::Moref>& hostsOf(ValidationContext& c, const vim::Moref& ds) {
  return c.inv().get(ds)->hosts;
}

std::optional<vim::Moref> findDatastore(ValidationContext& c, const std::string& path,
                                        const std::string& name) {
  try {
    return c.finder.find(vim::Kind::Datastore, name, c.out.datacenter);
  } catch (const UsageError& e) {
    c.issues.add(path, std::string("ambiguous datastore: ") + e.what());
    return std::nullopt;
  } catch (const Error& e) {
    c.issues.add(path, e.what());
    return std::nullopt;
  }
}

bool reachable(ValidationContext& c, const std::string& path, const vim::Moref& ds,
               const std::string& name, std::set<vim::Moref>& commonHosts, bool& first) {
  const auto& mounts = hostsOf(c, ds);
  std::set<vim::Moref> usable;
  for (const auto& h : mounts)
    for (const auto& mine : c.out.hosts)
      if (h == mine) usable.insert(h);
  if (usable.empty() && !c.out.hosts.empty()) {
    c.issues.add(path,
                 "Datastore \"" + name +
                     "\" is not accessible by the compute resource; choose one its hosts mount");
    return false;
  }
  if (first) {
    commonHosts = usable;
    first = false;
  } else {
    std::set<vim::Moref> both;
    for (const auto& h : usable)
      if (commonHosts.count(h)) both.insert(h);
    commonHosts = both;
  }
  return true;
}

}  // namespace

void checkStorage(ValidationContext& c) {
  auto& s = c.vch().storage;
  std::set<vim::Moref> commonHosts;
  bool first = true;

  if (s.imageStores.empty()) {
    c.issues.add("storage.image_stores",
                 "is required (datastore empty): give the datastore for the VCH's images, such as "
                 "ds://datastore1");
  } else {
    for (std::size_t i = 1; i < s.imageStores.size(); ++i)
      c.issues.add("storage.image_stores[" + std::to_string(i) + "]",
                   "only one image store is supported; remove the others");
    const std::string path = "storage.image_stores[0]";
    if (auto r = splitDatastore(c, path, s.imageStores[0]); r && !c.out.datacenter.empty()) {
      if (auto ds = findDatastore(c, path, r->name)) {
        c.out.imageDatastore = *ds;
        c.out.imageDatastoreName = c.inv().get(*ds)->name;
        c.out.imagePath = r->path.empty() ? c.vch().name : r->path;
        s.imageStores = {"ds://" + c.out.imageDatastoreName +
                         (r->path.empty() ? "" : "/" + r->path)};
        if (reachable(c, path, *ds, r->name, commonHosts, first) && !c.out.imagePath.empty() &&
            !c.options.existingVch) {
          const std::string dsPath = "[" + c.out.imageDatastoreName + "] " + c.out.imagePath;
          if (vim::DatastoreBrowser(c.client, *ds, c.inv().get(*ds)->browser).exists(dsPath))
            c.issues.add(path, "the folder " + dsPath +
                                   " already exists; choose another folder or VCH name");
        }
      }
    }
  }

  std::set<std::string> labels;
  for (std::size_t i = 0; i < s.volumeStores.size(); ++i) {
    auto& vs = s.volumeStores[i];
    const std::string base = "storage.volume_stores[" + std::to_string(i) + "]";
    char bad = 0;
    if (vs.label.empty())
      c.issues.add(base + ".label",
                   "is required: the name Docker users give (\"default\" for anonymous volumes)");
    else if (hasForbiddenCharacter(vs.label, &bad))
      c.issues.add(base + ".label", std::string("contains '") + bad +
                                        "', which is not allowed in a volume store name");
    else if (!labels.insert(vs.label).second)
      c.issues.add(base + ".label",
                   "\"" + vs.label + "\" is used by another volume store; labels must be unique");

    ResolvedVolumeStore rv;
    rv.label = vs.label;
    if (vs.datastore.rfind("nfs://", 0) == 0) {
      const std::string rest = vs.datastore.substr(6);
      const auto slash = rest.find('/');
      if (slash == 0 || slash == std::string::npos || slash + 1 == rest.size()) {
        c.issues.add(base + ".datastore",
                     "an NFS volume store needs a host and a path: nfs://host/path");
        continue;
      }
      rv.nfs = true;
      rv.url = vs.datastore;
      c.out.volumeStores.push_back(rv);
      continue;
    }
    auto r = splitDatastore(c, base + ".datastore", vs.datastore);
    if (!r || c.out.datacenter.empty()) continue;
    auto ds = findDatastore(c, base + ".datastore", r->name);
    if (!ds) continue;
    rv.datastore = *ds;
    rv.datastoreName = c.inv().get(*ds)->name;
    rv.path = r->path.empty() ? "VIC" : r->path;
    rv.url = "ds://" + rv.datastoreName + "/" + rv.path;
    vs.datastore = rv.url;
    // The VCH's own folder goes with the VCH (and with its VM): volumes there would too.
    if (rv.datastore == c.out.imageDatastore && !c.out.imagePath.empty() &&
        (rv.path == c.out.imagePath || rv.path.rfind(c.out.imagePath + "/", 0) == 0)) {
      c.issues.add(base + ".datastore",
                   "is inside the VCH's folder [" + rv.datastoreName + "] " + c.out.imagePath +
                       ", which is deleted with the VCH; choose a folder outside it");
      continue;
    }
    if (reachable(c, base + ".datastore", *ds, r->name, commonHosts, first))
      c.out.volumeStores.push_back(rv);
  }
  if (!first && commonHosts.empty() && !c.out.hosts.empty())
    c.issues.add("storage",
                 "No single host can access all of the requested datastores. Installation cannot "
                 "continue. Choose datastores that share a host");

  if (!s.baseImageSize) s.baseImageSize = Quantity{8000000, "KB"};
  if (auto kb = toKB(*s.baseImageSize)) {
    if (*kb <= 0)
      c.issues.add("storage.base_image_size", "must be larger than zero (the default is 8 GB)");
    else
      s.baseImageSize = Quantity{*kb, "KB"};
  }
}

}  // namespace vic::engine
