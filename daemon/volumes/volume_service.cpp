#include "daemon/volumes/volume_service.h"

#include <chrono>
#include <sstream>

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"
#include "daemon/time_text.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/util/random_hex.h"
#include "vicapi/vim/datastore_browser.h"
#include "vicapi/vim/host_services.h"
#include "vicapi/vim/task.h"

namespace vic::endpoint {

namespace {

constexpr std::size_t kMaxMeta = 64 * 1024;

nlohmann::json mapJson(const std::map<std::string, std::string>& m) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : m)
    j[k] = v;
  return j;
}

std::map<std::string, std::string> jsonMap(const nlohmann::json& j) {
  std::map<std::string, std::string> m;
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it->is_string()) m[it.key()] = it->get<std::string>();
  return m;
}

// CreateVirtualDisk_Task of a thin disk.
void createDisk(vim::Client& c, const vim::Moref& datacenter, const std::string& path,
                long long capacityMB) {
  const auto& vdm = c.serviceContent().virtualDiskManager;
  if (vdm.empty()) return;  // an ESX without one: the folder is the volume
  vim::VirtualDiskManager(c, vdm).createThinDisk(datacenter, path, capacityMB).poll();
}

}  // namespace

bool validVolumeName(const std::string& n) {
  if (n.size() < 2 || n.size() > 255) return false;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const char c = n[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
  }
  return true;
}

long long capacityMB(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 12 &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits == 0 || digits == 12) return -1;
  const long long n = std::stoll(text.substr(0, digits));
  std::string unit = text.substr(digits);
  for (auto& c : unit)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.empty() || unit == "MB" || unit == "M" || unit == "MIB") return n;
  if (unit == "GB" || unit == "G" || unit == "GIB") return n * 1024;
  if (unit == "TB" || unit == "T" || unit == "TIB") return n * 1024 * 1024;
  return -1;
}

VolumeService::VolumeService(VchWorld& world) : world_(world) {
  const auto& byName = world_.datastores();
  for (const auto& [label, where] : world_.config().placement.volumeStores) {
    if (where.rfind("[", 0) != 0) continue;  // nfs:// stores are mounted by the guest, not here
    Store s;
    s.label = label;
    s.path = DatastorePath::parse(where).child("VIC/volumes");
    if (auto ds = byName.find(s.path.datastore); ds != byName.end()) s.datastore = ds->second;
    stores_.push_back(s);
  }
}

const VolumeService::Store& VolumeService::storeFor(const std::string& label) const {
  for (const auto& s : stores_)
    if (s.label == label) return s;
  std::string names;
  for (const auto& s : stores_)
    names += (names.empty() ? "" : ", ") + s.label;
  throw DockerError(404, "No volume store named (" + label +
                             ") exists; this VCH's volume stores: " +
                             (names.empty() ? "none (add one with vic-machine configure)" : names));
}

std::optional<VolumeRecord> VolumeService::read(const Store& store, const std::string& name) {
  std::ostringstream text;
  try {
    world_.files(store.path.datastore)
        .download(store.path.path + "/" + name + "/meta.json", text, kMaxMeta);
  } catch (const FileNotFoundFault&) {
    return std::nullopt;
  }
  VolumeRecord v;
  v.name = name;
  v.store = store.label;
  v.folder = store.path.child(name).str();
  try {
    auto j = parseJson(text.str());
    v.driver = j.value("Driver", "vsphere");
    v.labels = jsonMap(j.value("Labels", nlohmann::json::object()));
    v.options = jsonMap(j.value("Options", nlohmann::json::object()));
    v.capacityMB = j.value("CapacityMB", 1024LL);
    v.createdAt = j.value("CreatedAt", "");
  } catch (const std::exception&) {
    // A damaged description: the volume is still there, with defaults.
  }
  return v;
}

VolumeRecord VolumeService::create(std::string name, const std::string& driver,
                                   const std::map<std::string, std::string>& options,
                                   const std::map<std::string, std::string>& labels) {
  if (!driver.empty() && driver != "vsphere" && driver != "local")
    throw badRequest("the volume driver \"" + driver.substr(0, 64) +
                     "\" is not available; this VCH's driver is vsphere");
  if (name.empty()) name = randomHex(32);
  if (!validVolumeName(name))
    throw badRequest("\"" + name.substr(0, 80) +
                     "\" includes invalid characters for a local volume name, only "
                     "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed");
  std::string label = "default";
  long long capacity = 1024;
  for (const auto& [k, v] : options) {
    std::string key = k;
    for (auto& c : key)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "volumestore") {
      label = v;
    } else if (key == "capacity") {
      capacity = capacityMB(v);
      if (capacity <= 0)
        throw badRequest("Capacity \"" + v.substr(0, 32) +
                         "\" is not a size; give a number of MB or a size like 2GB");
    } else {
      throw badRequest("the volume option \"" + k.substr(0, 64) +
                       "\" is not known; the vsphere driver takes VolumeStore and Capacity");
    }
  }
  const Store& store = storeFor(label);
  if (auto existing = read(store, name)) return *existing;
  const auto folder = store.path.child(name);
  auto made = engine::actions::makeDirectories(world_.client(), world_.datacenter(), folder.str());
  VolumeRecord v;
  v.name = name;
  v.store = label;
  v.options = options;
  v.labels = labels;
  v.capacityMB = capacity;
  v.createdAt = nowRfc3339();
  v.folder = folder.str();
  try {
    createDisk(world_.client(), world_.datacenter(), folder.child(name + ".vmdk").str(), capacity);
    const std::string meta = nlohmann::json{
        {"Driver", "vsphere"},
        {"Labels", mapJson(labels)},
        {"Options", mapJson(options)},
        {"CapacityMB", capacity},
        {"CreatedAt",
         v.createdAt}}.dump();
    std::istringstream body(meta);
    world_.files(folder.datastore).upload(body, meta.size(), folder.path + "/meta.json");
  } catch (...) {
    // What this call made goes again, so a failed create leaves nothing.
    if (!made.empty())
      engine::actions::deleteIfExists(world_.client(), world_.datacenter(), made.back());
    throw;
  }
  return v;
}

std::vector<VolumeRecord> VolumeService::list() {
  std::vector<VolumeRecord> out;
  for (const auto& s : stores_) {
    if (s.datastore.empty()) continue;
    std::vector<std::string> names;
    try {
      names = vim::DatastoreBrowser(world_.client(), s.datastore).list(s.path.str());
    } catch (const FileNotFoundFault&) {
      continue;  // no volume made in this store yet
    }
    for (auto name : names) {
      while (!name.empty() && name.back() == '/')
        name.pop_back();
      if (!validVolumeName(name)) continue;
      VolumeRecord v;
      v.name = name;
      v.store = s.label;
      v.folder = s.path.child(name).str();
      out.push_back(v);
    }
  }
  return out;
}

VolumeRecord VolumeService::inspect(const std::string& name) {
  if (validVolumeName(name))
    for (const auto& s : stores_)
      if (auto v = read(s, name)) return *v;
  throw notFound("get " + name + ": no such volume");
}

void VolumeService::remove(
    const std::string& name,
    const std::function<std::vector<std::string>(const std::string&)>& usedBy) {
  const auto v = inspect(name);
  const auto users = usedBy(name);
  if (!users.empty())
    throw conflict("remove " + name + ": volume is in use - [" + users.front() + "]");
  engine::actions::deleteIfExists(world_.client(), world_.datacenter(), v.folder);
}

}  // namespace vic::endpoint
