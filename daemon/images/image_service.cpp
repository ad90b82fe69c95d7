#include "daemon/images/image_service.h"

#include <algorithm>
#include <sstream>

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"
#include "daemon/images/registry_client.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/util/log.h"

namespace vic::endpoint {

namespace {

constexpr std::size_t kMaxConfigBytes = 4 << 20;
constexpr std::size_t kMaxLayers = 256;

std::string shortId(const std::string& digest) {
  return digest.substr(digest.find(':') + 1, 12);
}

void emit(std::ostream& out, const nlohmann::json& j) {
  out << j.dump() << "\r\n";
  out.flush();
}

void status(std::ostream& out, const std::string& text, const std::string& id = "") {
  nlohmann::json j = {{"status", text}};
  if (!id.empty()) {
    j["id"] = id;
    j["progressDetail"] = nlohmann::json::object();
  }
  emit(out, j);
}

void removeFrom(std::vector<std::string>& v, const std::string& s) {
  v.erase(std::remove(v.begin(), v.end(), s), v.end());
}

void addTo(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

struct ImageService::Resolved {
  std::string manifestDigest;
  std::string configDigest;
  std::vector<std::pair<std::string, std::uint64_t>> layers;
};

ImageService::ImageService(VchWorld& world, RegistryPolicy policy)
    : world_(world), policy_(std::move(policy)), store_(world) {}

ImageReference ImageService::preparePull(const std::string& fromImage,
                                         const std::string& tag) const {
  auto ref = ImageReference::parse(fromImage, tag);
  policy_.checkAllowed(ref.registry);
  return ref;
}

ImageService::Resolved ImageService::resolveManifest(RegistryClient& client,
                                                     const ImageReference& ref) {
  const std::string wanted = ref.digest.empty() ? ref.tag : ref.digest;
  Manifest m = client.manifest(ref.repository, wanted);
  Resolved r;
  r.manifestDigest = m.digest;
  nlohmann::json j;
  try {
    j = parseJson(m.body);
  } catch (const BadJson& e) {
    throw DockerError(500, "the manifest of " + ref.name() + " is not JSON: " + e.what());
  }
  if (!j.is_object()) throw DockerError(500, "the manifest of " + ref.name() + " is not an object");
  if (j.contains("manifests")) {  // a list: the linux/amd64 entry, as a Linux VCH runs
    std::string chosen;
    for (const auto& e : j["manifests"]) {
      if (!e.is_object()) continue;
      auto platform = e.value("platform", nlohmann::json::object());
      if (platform.is_object() && platform.value("os", "") == "linux" &&
          platform.value("architecture", "") == "amd64") {
        chosen = e.value("digest", "");
        break;
      }
    }
    if (!isSha256Digest(chosen))
      throw notFound("no matching manifest for linux/amd64 in the manifest list entries of " +
                     ref.name());
    m = client.manifest(ref.repository, chosen);
    try {
      j = parseJson(m.body);
    } catch (const BadJson& e) {
      throw DockerError(500, "the manifest of " + ref.name() + " is not JSON: " + e.what());
    }
  }
  if (!j.is_object() || j.value("schemaVersion", 0) != 2 || !j.contains("config") ||
      !j["config"].is_object() || !j.contains("layers") || !j["layers"].is_array())
    throw DockerError(500, "the manifest of " + ref.name() +
                               " is not an image manifest of schema 2 (Docker or OCI), the only "
                               "kind this VCH pulls");
  r.configDigest = j["config"].value("digest", "");
  if (!isSha256Digest(r.configDigest))
    throw DockerError(500, "the manifest of " + ref.name() + " has no sha256 config digest");
  if (j["layers"].size() > kMaxLayers)
    throw DockerError(500, "the image " + ref.name() + " has more than 256 layers");
  for (const auto& l : j["layers"]) {
    const std::string d = l.is_object() ? l.value("digest", "") : "";
    if (!isSha256Digest(d))
      throw DockerError(500, "the manifest of " + ref.name() + " has a layer without a digest");
    std::uint64_t size = 0;
    if (l.contains("size") && l["size"].is_number_unsigned()) size = l["size"].get<std::uint64_t>();
    r.layers.emplace_back(d, size);
  }
  return r;
}

void ImageService::pull(const ImageReference& ref, const RegistryCredentials& credentials,
                        std::ostream& out) {
  try {
    RegistryAccess access{ref.apiHost(), policy_.insecure(ref.registry),
                          policy_.certificateAuthorities(), credentials.user, credentials.password};
    RegistryClient client(access);
    status(out, "Pulling from " + ref.repository, ref.digest.empty() ? ref.tag : ref.digest);
    const Resolved r = resolveManifest(client, ref);

    std::string configText;
    client.blob(ref.repository, r.configDigest, [&](std::istream& in, std::uint64_t length) {
      if (length > kMaxConfigBytes || !net::readUpTo(in, kMaxConfigBytes, configText))
        throw DockerError(500, "the image config of " + ref.name() + " is larger than 4 MiB");
    });
    if (sha256Digest(configText) != r.configDigest)
      throw DockerError(500, "the image config of " + ref.name() + " does not match its digest");
    nlohmann::json config = parseJson(configText);
    if (!config.is_object()) throw DockerError(500, "the image config is not an object");

    auto index = store_.load();
    if (index.layers.empty()) store_.prepare();
    std::uint64_t size = 0;
    for (const auto& [digest, declared] : r.layers) {
      const std::string id = shortId(digest);
      if (auto have = index.layers.find(digest); have != index.layers.end()) {
        status(out, "Already exists", id);
        size += have->second;
        continue;
      }
      status(out, "Pulling fs layer", id);
      client.blob(ref.repository, digest, [&](std::istream& in, std::uint64_t length) {
        emit(out, {{"status", "Downloading"},
                   {"id", id},
                   {"progressDetail", {{"current", 0}, {"total", length}}}});
        store_.putLayer(digest, in, length);
        size += length;
        index.layers[digest] = length;
      });
      status(out, "Download complete", id);
      status(out, "Pull complete", id);
      (void)declared;
    }

    bool fresh = true;
    {
      std::lock_guard<std::mutex> lock(store_.writeLock());
      auto current = store_.load();  // another pull may have finished meanwhile
      for (const auto& [d, n] : index.layers)
        current.layers[d] = n;
      const std::string tagged = ref.digest.empty() ? ref.tagged() : "";
      const std::string digested = ref.name() + "@" + r.manifestDigest;
      for (auto& image : current.images)
        if (image.id != r.configDigest && !tagged.empty()) removeFrom(image.repoTags, tagged);
      auto it = std::find_if(current.images.begin(), current.images.end(),
                             [&](const ImageRecord& i) { return i.id == r.configDigest; });
      if (it == current.images.end()) {
        ImageRecord rec;
        rec.id = r.configDigest;
        for (const auto& l : r.layers)
          rec.layers.push_back(l.first);
        rec.config = config;
        rec.size = size;
        current.images.push_back(rec);
        it = std::prev(current.images.end());
      } else {
        fresh = !tagged.empty() &&
                std::find(it->repoTags.begin(), it->repoTags.end(), tagged) == it->repoTags.end();
      }
      if (!tagged.empty()) addTo(it->repoTags, tagged);
      addTo(it->repoDigests, digested);
      store_.save(current);
    }
    status(out, "Digest: " + r.manifestDigest);
    const std::string shown = ref.digest.empty() ? ref.tagged() : ref.digested();
    status(out, fresh ? "Status: Downloaded newer image for " + shown
                      : "Status: Image is up to date for " + shown);
    logger()->info("pulled {} ({})", shown, r.configDigest);
  } catch (const std::exception& e) {
    logger()->warn("pull of {} failed: {}", ref.tagged(), e.what());
    emit(out, {{"errorDetail", {{"message", e.what()}}}, {"error", e.what()}});
  }
}

std::vector<ImageRecord> ImageService::list() {
  return store_.load().images;
}

const ImageRecord* ImageService::lookup(const ImageStore::Index& index, const std::string& text) {
  if (text.empty()) return nullptr;
  // An id, whole or a prefix of its hex digits.
  std::string hex = text.rfind("sha256:", 0) == 0 ? text.substr(7) : text;
  const bool hexOnly = std::all_of(hex.begin(), hex.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (hexOnly && !hex.empty()) {
    const ImageRecord* found = nullptr;
    int matches = 0;
    for (const auto& i : index.images)
      if (i.id.size() > 7 && hex.size() <= 64 && i.id.compare(7, hex.size(), hex) == 0) {
        found = &i;
        ++matches;
      }
    if (matches == 1) return found;
  }
  ImageReference ref;
  try {
    ref = ImageReference::parse(text);
  } catch (const DockerError&) {
    return nullptr;
  }
  for (const auto& i : index.images) {
    const auto& names = ref.digest.empty() ? i.repoTags : i.repoDigests;
    const std::string wanted = ref.digest.empty() ? ref.tagged() : ref.digested();
    if (std::find(names.begin(), names.end(), wanted) != names.end()) return &i;
  }
  return nullptr;
}

ImageRecord ImageService::find(const std::string& ref) {
  const auto index = store_.load();
  if (const auto* i = lookup(index, ref)) return *i;
  throw notFound("No such image: " + ref);
}

void ImageService::tag(const std::string& source, const std::string& repository,
                       const std::string& tag) {
  const auto target = ImageReference::parse(repository, tag.empty() ? "latest" : tag);
  if (!target.digest.empty()) throw badRequest("refusing to create a tag with a digest reference");
  std::lock_guard<std::mutex> lock(store_.writeLock());
  auto index = store_.load();
  const auto* found = lookup(index, source);
  if (!found) throw notFound("No such image: " + source);
  const std::string id = found->id;
  for (auto& i : index.images)
    removeFrom(i.repoTags, target.tagged());
  for (auto& i : index.images)
    if (i.id == id) addTo(i.repoTags, target.tagged());
  store_.save(index);
}

nlohmann::json ImageService::remove(
    const std::string& ref, bool force,
    const std::function<std::vector<std::string>(const std::string&)>& usedBy) {
  std::lock_guard<std::mutex> lock(store_.writeLock());
  auto index = store_.load();
  const auto* found = lookup(index, ref);
  if (!found) throw notFound("No such image: " + ref);
  const std::string id = found->id;
  auto it = std::find_if(index.images.begin(), index.images.end(),
                         [&](const ImageRecord& i) { return i.id == id; });
  auto answer = nlohmann::json::array();

  // A name of an image with other names only loses that name.
  std::string byName;
  try {
    auto r = ImageReference::parse(ref);
    if (std::find(it->repoTags.begin(), it->repoTags.end(), r.tagged()) != it->repoTags.end())
      byName = r.tagged();
  } catch (const DockerError&) {
  }
  if (!byName.empty() && it->repoTags.size() > 1) {
    removeFrom(it->repoTags, byName);
    // The repository's digest names go with its last tag, so that the image
    // no longer lists under that repository at all.
    const std::string repo = byName.substr(0, byName.rfind(':'));
    if (std::none_of(it->repoTags.begin(), it->repoTags.end(),
                     [&](const std::string& t) { return t.rfind(repo + ":", 0) == 0; }))
      it->repoDigests.erase(
          std::remove_if(it->repoDigests.begin(), it->repoDigests.end(),
                         [&](const std::string& d) { return d.rfind(repo + "@", 0) == 0; }),
          it->repoDigests.end());
    store_.save(index);
    answer.push_back({{"Untagged", byName}});
    return answer;
  }
  const auto users = usedBy(id);
  if (!users.empty() && !force)
    throw conflict("conflict: unable to remove repository reference \"" + ref +
                   "\" (must force) - container " + users.front().substr(0, 12) +
                   " is using its referenced image " + shortId(id));
  for (const auto& t : it->repoTags)
    answer.push_back({{"Untagged", t}});
  for (const auto& d : it->repoDigests)
    answer.push_back({{"Untagged", d}});
  const auto layers = it->layers;
  index.images.erase(it);
  answer.push_back({{"Deleted", id}});
  for (const auto& layer : layers) {
    const bool shared = std::any_of(index.images.begin(), index.images.end(), [&](const auto& i) {
      return std::find(i.layers.begin(), i.layers.end(), layer) != i.layers.end();
    });
    if (shared) continue;
    index.layers.erase(layer);
    store_.deleteLayer(layer);
    answer.push_back({{"Deleted", layer}});
  }
  store_.save(index);
  return answer;
}

}  // namespace vic::endpoint
