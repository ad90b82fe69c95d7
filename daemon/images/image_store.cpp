#include "daemon/images/image_store.h"

#include <sstream>

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/util/log.h"

namespace vic::endpoint {

ImageStore::ImageStore(VchWorld& world)
    : world_(world), root_(world.imageStore().child("VIC/images")) {}

std::string ImageStore::layerPath(const std::string& digest) const {
  return root_.path + "/layers/" + digest.substr(digest.find(':') + 1);
}

ImageStore::Index ImageStore::load() {
  std::ostringstream text;
  try {
    world_.files(root_.datastore).download(root_.path + "/index.json", text, kMaxIndexBytes);
  } catch (const FileNotFoundFault&) {
    return {};  // nothing pulled yet
  }
  try {
    return indexFromJson(parseJson(text.str()));
  } catch (const BadJson& e) {
    throw DockerError(500, "the image index " + root_.str() + "/index.json is damaged (" +
                               e.what() + "); remove it and pull the images again");
  }
}

void ImageStore::save(const Index& index) {
  std::istringstream body(indexToJson(index).dump());
  world_.files(root_.datastore).upload(body, body.str().size(), root_.path + "/index.json");
}

void ImageStore::prepare() {
  engine::actions::makeDirectories(world_.client(), world_.datacenter(),
                                   root_.child("layers").str());
}

void ImageStore::putLayer(const std::string& digest, std::istream& in, std::uint64_t length) {
  DigestingBuffer buffer(in, length);
  std::istream checked(&buffer);
  const std::string path = layerPath(digest);
  auto files = world_.files(root_.datastore);
  files.upload(checked, length, path);
  if (buffer.bytes() != length || buffer.digest() != digest) {
    deleteLayer(digest);
    throw DockerError(
        500, "the layer " + digest + " the registry sent is " +
                 (buffer.bytes() != length ? "shorter than it said"
                                           : "not what its digest says (" + buffer.digest() + ")"));
  }
}

void ImageStore::deleteLayer(const std::string& digest) {
  engine::actions::deleteIfExists(world_.client(), world_.datacenter(),
                                  "[" + root_.datastore + "] " + layerPath(digest));
}

nlohmann::json indexToJson(const ImageStore::Index& index) {
  auto images = nlohmann::json::array();
  for (const auto& i : index.images)
    images.push_back({{"id", i.id},
                      {"repo_tags", i.repoTags},
                      {"repo_digests", i.repoDigests},
                      {"layers", i.layers},
                      {"config", i.config},
                      {"size", i.size}});
  nlohmann::json layers = nlohmann::json::object();
  for (const auto& [d, n] : index.layers)
    layers[d] = n;
  return {{"images", images}, {"layers", layers}};
}

ImageStore::Index indexFromJson(const nlohmann::json& j) {
  ImageStore::Index index;
  if (!j.is_object()) return index;
  auto strings = [](const nlohmann::json& a) {
    std::vector<std::string> out;
    if (a.is_array())
      for (const auto& s : a)
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
  };
  if (auto it = j.find("images"); it != j.end() && it->is_array()) {
    for (const auto& i : *it) {
      if (!i.is_object() || !i.contains("id") || !i["id"].is_string()) continue;
      ImageRecord r;
      r.id = i["id"].get<std::string>();
      r.repoTags = strings(i.value("repo_tags", nlohmann::json()));
      r.repoDigests = strings(i.value("repo_digests", nlohmann::json()));
      r.layers = strings(i.value("layers", nlohmann::json()));
      r.config = i.value("config", nlohmann::json::object());
      if (!r.config.is_object()) r.config = nlohmann::json::object();
      if (auto s = i.find("size"); s != i.end() && s->is_number_unsigned())
        r.size = s->get<std::uint64_t>();
      index.images.push_back(std::move(r));
    }
  }
  if (auto it = j.find("layers"); it != j.end() && it->is_object())
    for (auto l = it->begin(); l != it->end(); ++l)
      if (l->is_number_unsigned()) index.layers[l.key()] = l->get<std::uint64_t>();
  return index;
}

}  // namespace vic::endpoint
